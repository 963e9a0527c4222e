/** The template's medians, as the loader and `yidi policies --check` compute them (src/policy/template.ts). */
export { collectFigures, LEVELS, latestVersion, median, typicalFigures, type Contribution, type FigureKey } from "../../src/policy/template.ts";
