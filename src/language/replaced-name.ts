/**
 * 是成都不是合肥, 不是合肥 是成都: the name said to be wrong ("合肥"), to tell which earlier answer
 * the other name replaces (the one that held it), whatever role the new name alone would get.
 */
const NAME = "([^\\s,，。是不而的]{2,8}?)(?:市|省)?(?:的)?";
const IS_NOT = new RegExp(`是[^\\s,，。不]{2,8}?[\\s,，]*(?:而)?不是${NAME}(?:[\\s,，。!！]|$)`, "u");
const NOT_IS = new RegExp(`不是(?:在|去)?${NAME}[\\s,，]*(?:而)?是`, "u");

export function replacedName(text: string): string | undefined {
  if (typeof text !== "string") return undefined;
  return IS_NOT.exec(text)?.[1] ?? NOT_IS.exec(text)?.[1];
}
