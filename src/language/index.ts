/**
 * Reads one message into an intent and slots. Pure and synchronous; nothing a person types
 * may throw, so the whole parse is guarded and falls back to out_of_scope.
 */
import type { Parse, ParseContext, Slots } from "./types.ts";
import { divisionsByName } from "../places/divisions.ts";

export type { Intent, PlaceSlot, Slots, Parse, Ambiguity, ParseContext } from "./types.ts";

export function parse(text: string, context?: ParseContext): Parse {
  try {
    return parseUnsafe(typeof text === "string" ? text : "", context);
  } catch {
    return { intent: "out_of_scope", confidence: 0, slots: {} };
  }
}

// Interim keyword version; replaced by the modules beside this file.
function parseUnsafe(text: string, _context?: ParseContext): Parse {
  const slots: Slots = {};
  if (/住院/.test(text)) slots.setting = "inpatient";
  else if (/门诊/.test(text)) slots.setting = "outpatient";
  if (/三甲|三级/.test(text)) slots.hospitalLevel = 3;
  if (/职工/.test(text)) slots.scheme = "employee";
  else if (/居民|新农合/.test(text)) slots.scheme = "resident";
  const wan = /(\d+(?:\.\d+)?)万/.exec(text);
  if (wan?.[1]) slots.amount = String(Math.round(Number(wan[1]) * 10000));
  const places = [...text.matchAll(/[\u4e00-\u9fa5]{2,3}/g)]
    .flatMap((m) => divisionsByName(m[0]).slice(0, 1));
  void places;
  let intent: Parse["intent"] = "out_of_scope";
  if (/报多少|能报|报销多少|自己付|花了/.test(text)) intent = "estimate";
  else if (/备案/.test(text)) intent = "registration_howto";
  else if (/你好|您好|hi|hello/i.test(text)) intent = "greeting";
  return { intent, confidence: 0.5, slots };
}
