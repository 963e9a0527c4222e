/**
 * zod, configured once: every validation message a person may see is Chinese, zod's own
 * messages included. Import `z` from here, not from "zod", anywhere input is validated.
 */
import { z } from "zod";

z.config(z.locales.zhCN());

export { z };
