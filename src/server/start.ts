import { serve, type ServerType } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import type { Repository } from '../store/repository.ts';
import { createApp } from './app.ts';
import { AllowedHosts } from './host-check.ts';
import { auditPending, coveragePending, entityKeysPending } from './importer.ts';
import { defaultLimits, type UploadLimits } from './limits.ts';
import { ParsePool } from './read-pool.ts';
import { PageImages } from './page-image.ts';

// Starts the HTTP server on an open store. Used by `caijian serve` and by the API and browser tests.

export interface RunningServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

export async function startServer(options: {
  repo: Repository;
  port?: number;
  host?: string;
  limits?: Partial<UploadLimits>;
  webRoot?: string;
}): Promise<RunningServer> {
  const limits = { ...defaultLimits(), ...options.limits };
  const pool = new ParsePool(limits);
  const pageImages = new PageImages();
  const host = options.host ?? '127.0.0.1';
  const hosts = new AllowedHosts(host);
  const app = createApp({ repo: options.repo, pool, limits, webRoot: options.webRoot, pageImages, hosts });
  // Documents stored while the audit module was missing get audited now, in the background.
  // Then documents stored before the list kept coverage get it (computed from the stored model and findings).
  void auditPending(options.repo)
    .then(() => coveragePending(options.repo))
    .catch((e) => console.error('[caijian] pending audits failed:', e));
  // Documents stored before the entity key (store migration 5) get theirs from the stored model.
  void entityKeysPending(options.repo).catch((e) => console.error('[caijian] entity keys failed:', e));
  // A busy or forbidden port is an 'error' event, not an exception: turn it into a rejection (the CLI prints one line).
  let server: ServerType;
  try {
    server = await new Promise((ok, fail) => {
      const s = serve({ fetch: app.fetch, port: options.port ?? 0, hostname: host }, () => {
        s.off('error', fail);
        ok(s);
      });
      s.once('error', fail);
    });
  } catch (e) {
    await pool.close();
    await pageImages.close();
    throw e;
  }
  // Idle keep-alive sockets stay open longer than clients keep them (undici's fetch 4 s, browsers much longer): with
  // Node's default of 5 s a client on a busy machine reuses a socket the server is closing at that moment, and its
  // request (an upload, a review — not retried, being POST/PUT) fails with "other side closed".
  const http = server as { keepAliveTimeout?: number; headersTimeout?: number };
  http.keepAliveTimeout = 65_000;
  http.headersTimeout = 66_000;
  const port = (server.address() as AddressInfo).port;
  hosts.port = port;
  const url = `http://${host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host}:${port}`;
  pageImages.origin = url;
  return {
    url,
    port,
    close: async () => {
      const closing = new Promise<void>((ok) => server.close(() => ok()));
      // Browsers keep connections open; the server should stop now, not when they time out.
      (server as { closeAllConnections?: () => void }).closeAllConnections?.();
      await closing;
      await pool.close();
      await pageImages.close();
    },
  };
}
