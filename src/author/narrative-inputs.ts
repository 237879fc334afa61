// What the narrative needs that the tables cannot give: last year's figures, the reasons for changes, the
// 年初预算 of each 项 (决算), counts behind the 三公 amounts, procurement, assets and performance. Amounts
// are exact decimal strings in the document's unit. Every field is optional: a missing reason or figure is
// printed as a visible 【请填写…】 marker, never guessed.

export interface NarrativeInputs {
  /** 部门职责, 机构设置: paragraphs for 第一部分. */
  duties?: string[];
  structure?: string[];
  /** Last year's figures (上年数). */
  prior?: {
    total?: string; // 收、支总计 (决算) / 收支总预算 (预算)
    fiscalTotal?: string; // 财政拨款收、支总计
    generalBudget?: string; // 一般公共预算财政拨款支出
    basic?: string;
    threePublic?: string;
    operatingCost?: string; // 机关运行经费
  };
  /** Reasons, by the change they explain. */
  reasons?: {
    total?: string;
    fiscalTotal?: string;
    generalBudget?: string;
    threePublic?: string;
    operatingCost?: string;
    /** Per 项 code: why the actual differs from the 年初预算. */
    items?: Record<string, string>;
  };
  /** 年初预算 per 项 code of the 一般公共预算财政拨款支出决算表. */
  itemBudgets?: Record<string, string>;
  threePublicCounts?: {
    abroadGroups?: string;
    abroadPeople?: string;
    receptionGroups?: string;
    receptionPeople?: string;
    vehiclesPurchased?: string;
    vehiclesHeld?: string;
  };
  /** 机关运行经费 this year (when it differs from 公用经费). */
  operatingCost?: string;
  procurement?: { goods?: string; works?: string; services?: string; sme?: string; small?: string };
  assets?: { vehicles?: string; equipment?: string; note?: string };
  performance?: string;
  other?: string;
}
