import type { Message } from './types.ts';

// Message templates: "{name}" placeholders filled from a finding's values. Rendering happens once, when the
// finding is built, for both locales; the values stay on the finding so other renderers can re-render.

const PLACEHOLDER = /\{(\w+)\}/g;

export function placeholders(template: string): string[] {
  return [...template.matchAll(PLACEHOLDER)].map((m) => m[1]).sort();
}

export function renderTemplate(template: string, values: Record<string, string>): string {
  return template.replace(PLACEHOLDER, (all, name: string) => values[name] ?? all);
}

export function renderMessage(m: Message, values: Record<string, string>): { zh: string; en: string } {
  return { zh: renderTemplate(m.zh, values), en: renderTemplate(m.en, values) };
}
