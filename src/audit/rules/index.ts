import type { Rule } from '../types.ts';
import blankPage from './blank-page/rule.ts';
import codeHierarchySum from './code-hierarchy-sum/rule.ts';
import classListSum from './class-list-sum/rule.ts';
import codeNameOutdated from './code-name-outdated/rule.ts';
import codeName from './code-name/rule.ts';
import crossTableClasses from './cross-table-classes/rule.ts';
import crossTableTotals from './cross-table-totals/rule.ts';
import doubledWord from './doubled-word/rule.ts';
import emptySection from './empty-section/rule.ts';
import emptyTableStatement from './empty-table-statement/rule.ts';
import entityName from './entity-name/rule.ts';
import glossary from './glossary/rule.ts';
import impossibleDate from './impossible-date/rule.ts';
import impossiblePercentage from './impossible-percentage/rule.ts';
import levelWording from './level-wording/rule.ts';
import lineSum from './line-sum/rule.ts';
import listedTables from './listed-tables/rule.ts';
import outlineNumbering from './outline-numbering/rule.ts';
import narrativeAmount from './narrative-amount/rule.ts';
import performanceProjectAmount from './performance-project-amount/rule.ts';
import narrativeChange from './narrative-change/rule.ts';
import narrativeComponents from './narrative-components/rule.ts';
import narrativeCompletion from './narrative-completion/rule.ts';
import narrativeDirection from './narrative-direction/rule.ts';
import narrativeSections from './narrative-sections/rule.ts';
import narrativeShare from './narrative-share/rule.ts';
import narrativeShareSum from './narrative-share-sum/rule.ts';
import narrativeSameItem from './narrative-same-item/rule.ts';
import narrativeTableFact from './narrative-table-fact/rule.ts';
import nilStatement from './nil-statement/rule.ts';
import narrativeThreeNumber from './narrative-three-number/rule.ts';
import narrativeTopics from './narrative-topics/rule.ts';
import narrativeUnitMix from './narrative-unit-mix/rule.ts';
import punctuation from './punctuation/rule.ts';
import reasonDirection from './reason-direction/rule.ts';
import repeatedItem from './repeated-item/rule.ts';
import requiredTablesBudget from './required-tables-budget/rule.ts';
import requiredTablesFinal from './required-tables-final/rule.ts';
import rowSum from './row-sum/rule.ts';
import scopeWording from './scope-wording/rule.ts';
import strayDecimal from './stray-decimal/rule.ts';
import tableLayout from './table-layout/rule.ts';
import templateResidue from './template-residue/rule.ts';
import threePublicOverBudget from './three-public-over-budget/rule.ts';
import threePublicVsBasic from './three-public-vs-basic/rule.ts';
import performanceCostTarget from './performance-cost-target/rule.ts';
import threePublicTotal from './three-public-total/rule.ts';
import totalEqualsClasses from './total-equals-classes/rule.ts';
import unfilledField from './unfilled-field/rule.ts';
import wrongYear from './wrong-year/rule.ts';
import unitStated from './unit-stated/rule.ts';
import readingConfidence from './reading-confidence/rule.ts';
import priorYearNarrative from './prior-year-narrative/rule.ts';
import priorYearLineGone from './prior-year-line-gone/rule.ts';

// The rule catalogue: an explicit list (no globbing at run time), in catalogue order (CJ1xx arithmetic, CJ2xx
// cross-table, CJ3xx narrative, CJ4xx completeness, CJ5xx wording, CJ6xx codes, CJ7xx plausibility, CJ8xx across documents). Adding a
// rule = a folder with rule.ts, doc.md and fixtures.ts, plus one line here; the meta-test fails otherwise.

export const rules: readonly Rule[] = [
  codeHierarchySum,
  totalEqualsClasses,
  rowSum,
  lineSum,
  crossTableTotals,
  crossTableClasses,
  performanceProjectAmount,
  narrativeAmount,
  narrativeShare,
  narrativeShareSum,
  narrativeCompletion,
  narrativeChange,
  narrativeComponents,
  classListSum,
  narrativeDirection,
  narrativeTableFact,
  narrativeSameItem,
  narrativeThreeNumber,
  narrativeUnitMix,
  nilStatement,
  reasonDirection,
  repeatedItem,
  requiredTablesFinal,
  requiredTablesBudget,
  listedTables,
  emptyTableStatement,
  emptySection,
  narrativeSections,
  narrativeTopics,
  blankPage,
  glossary,
  unitStated,
  tableLayout,
  readingConfidence,
  templateResidue,
  unfilledField,
  strayDecimal,
  entityName,
  impossibleDate,
  impossiblePercentage,
  punctuation,
  scopeWording,
  levelWording,
  wrongYear,
  doubledWord,
  outlineNumbering,
  codeName,
  codeNameOutdated,
  threePublicOverBudget,
  threePublicVsBasic,
  performanceCostTarget,
  threePublicTotal,
  // CJ8xx across documents (issue 12): run only with a second document (AuditOptions.prior)
  priorYearNarrative,
  priorYearLineGone,
];
