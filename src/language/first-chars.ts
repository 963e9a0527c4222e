/**
 * The characters a regular expression's match can start with, read from its source, so that a
 * reader with many cue patterns tests only those whose first character occurs in the message.
 * Conservative: a pattern that may start with any character (`.`, `\s`, a negated class), can
 * match the empty string, has flags other than g/u, or uses syntax this small reader does not
 * know gives `undefined`, meaning "always test". It never leaves out a character a match can
 * start with.
 */

import { tableOf } from "./prebuilt.ts";
import { firstPairs } from "./first-pairs.ts";

/** UTF-16 codes a match can start with, or undefined when any character might start one. */
export function firstChars(pattern: RegExp): Set<number> | undefined {
  if (/[^gu]/u.test(pattern.flags)) return undefined;
  try {
    const reader = new Reader(pattern.source);
    const result = reader.alternation(true);
    if (reader.pos !== pattern.source.length || result.nullable) return undefined;
    return result.first;
  } catch {
    return undefined;
  }
}

interface Part {
  /** undefined: could start with any character */
  first: Set<number> | undefined;
  /** can match without consuming a character */
  nullable: boolean;
}

class Unsupported extends Error {}

/** What a term returns when its first characters are not asked for (it follows a consumed one). */
const CONSUMES: Part = { first: new Set(), nullable: false };

/** Literal characters that need no escape inside or outside a class. */
const SYNTAX = new Set(["\\", "^", "$", ".", "|", "?", "*", "+", "(", ")", "[", "]", "{", "}", "/", "-"]);
/** A class range wider than this is read as "any character" (nothing gained from listing it). */
const MAX_RANGE = 4096;

/** `a` grown by `b` (a is always a set this reader made and owns), or undefined for "any". */
function union(a: Set<number> | undefined, b: Set<number> | undefined): Set<number> | undefined {
  if (a === undefined || b === undefined) return undefined;
  for (const c of b) a.add(c);
  return a;
}

function codeOf(ch: string): number {
  // An astral character is seen first as its leading surrogate when a message is scanned by code unit.
  return ch.charCodeAt(0);
}

class Reader {
  pos = 0;
  constructor(private readonly src: string) {}

  private peek(): string | undefined {
    return this.src[this.pos];
  }

  /** `need`: whether the first characters matter here (only the nullable head of a pattern's parts). */
  alternation(need: boolean): Part {
    let acc = this.sequence(need);
    while (this.peek() === "|") {
      this.pos++;
      const next = this.sequence(need);
      acc = { first: union(acc.first, next.first), nullable: acc.nullable || next.nullable };
    }
    return acc;
  }

  private sequence(need: boolean): Part {
    let first: Set<number> | undefined = new Set();
    let nullable = true;
    while (this.pos < this.src.length && this.peek() !== "|" && this.peek() !== ")") {
      const term = this.quantified(need && nullable);
      if (need && nullable) first = union(first, term.first);
      nullable = nullable && term.nullable;
    }
    return { first, nullable };
  }

  private quantified(need: boolean): Part {
    const atom = this.atom(need);
    const q = this.peek();
    let optional = false;
    if (q === "?" || q === "*") {
      this.pos++;
      optional = true;
    } else if (q === "+") {
      this.pos++;
    } else if (q === "{") {
      const m = /^\{(\d+)(,(\d*))?\}/u.exec(this.src.slice(this.pos));
      if (!m) throw new Unsupported();
      this.pos += m[0].length;
      optional = Number(m[1]) === 0;
    }
    if (q !== undefined && "?*+{".includes(q) && this.peek() === "?") this.pos++; // lazy
    return optional ? { first: atom.first, nullable: true } : atom;
  }

  private atom(need: boolean): Part {
    const ch = this.peek();
    if (ch === undefined) throw new Unsupported();
    if (ch === "^" || ch === "$") {
      this.pos++;
      return { first: new Set(), nullable: true };
    }
    if (ch === ".") {
      this.pos++;
      return { first: undefined, nullable: false };
    }
    if (ch === "(") return this.group(need);
    if (ch === "[") return { first: this.charClass(), nullable: false };
    if (ch === "\\") return { first: this.escape(false), nullable: false };
    if (ch === ")" || ch === "]" || ch === "}" || ch === "{" || ch === "?" || ch === "*" || ch === "+") throw new Unsupported();
    const cp = this.src.codePointAt(this.pos) as number;
    const text = String.fromCodePoint(cp);
    this.pos += text.length;
    return need ? { first: new Set([codeOf(text)]), nullable: false } : CONSUMES;
  }

  private group(need: boolean): Part {
    this.pos++; // (
    let lookaround = false;
    if (this.src.startsWith("?:", this.pos)) this.pos += 2;
    else if (this.src.startsWith("?=", this.pos) || this.src.startsWith("?!", this.pos)) {
      this.pos += 2;
      lookaround = true;
    } else if (this.src.startsWith("?<=", this.pos) || this.src.startsWith("?<!", this.pos)) {
      this.pos += 3;
      lookaround = true;
    } else if (this.src.startsWith("?<", this.pos)) {
      const end = this.src.indexOf(">", this.pos);
      if (end < 0) throw new Unsupported();
      this.pos = end + 1;
    } else if (this.peek() === "?") throw new Unsupported();
    const inner = this.alternation(need && !lookaround);
    if (this.peek() !== ")") throw new Unsupported();
    this.pos++;
    // A lookaround consumes nothing: the match's first character comes after it.
    return lookaround ? { first: new Set(), nullable: true } : inner;
  }

  private charClass(): Set<number> | undefined {
    this.pos++; // [
    if (this.peek() === "^") throw new Unsupported();
    const out = new Set<number>();
    let any = false;
    while (this.peek() !== "]") {
      if (this.pos >= this.src.length) throw new Unsupported();
      const low = this.classItem();
      if (typeof low === "number" && this.peek() === "-" && this.src[this.pos + 1] !== "]") {
        this.pos++;
        const high = this.classItem();
        if (typeof high !== "number" || high < low) throw new Unsupported();
        if (high - low > MAX_RANGE) any = true;
        else for (let c = low; c <= high; c++) out.add(c);
      } else if (low === undefined) any = true;
      else if (typeof low === "number") out.add(low);
      else for (const c of low) out.add(c);
    }
    this.pos++; // ]
    return any ? undefined : out;
  }

  /** One member of a class: a code, a small set (\d), or undefined for "many" (\s, \p{…}). */
  private classItem(): number | Set<number> | undefined {
    if (this.peek() === "\\") {
      const set = this.escape(true);
      return set !== undefined && set.size === 1 ? ([...set][0] as number) : set;
    }
    const cp = this.src.codePointAt(this.pos) as number;
    // Outside the basic plane a class is matched by code point, not by the first code unit.
    if (cp > 0xffff) throw new Unsupported();
    this.pos += 1;
    return cp;
  }

  /** An escape: the codes it matches, or undefined for "many" (\s, \p{…}, \D, \w…). */
  private escape(inClass: boolean): Set<number> | undefined {
    this.pos++; // backslash
    const ch = this.peek();
    if (ch === undefined) throw new Unsupported();
    if (ch === "d") {
      this.pos++;
      return new Set(Array.from("0123456789", (c) => c.charCodeAt(0)));
    }
    if (ch === "u") {
      const braces = /^u\{([0-9a-fA-F]+)\}/u.exec(this.src.slice(this.pos));
      const plain = /^u([0-9a-fA-F]{4})/u.exec(this.src.slice(this.pos));
      const m = braces ?? plain;
      if (!m) throw new Unsupported();
      this.pos += m[0].length;
      const cp = parseInt(m[1] as string, 16);
      if (cp > 0xffff && inClass) throw new Unsupported();
      return new Set([codeOf(String.fromCodePoint(cp))]);
    }
    if (ch === "x") {
      const m = /^x([0-9a-fA-F]{2})/u.exec(this.src.slice(this.pos));
      if (!m) throw new Unsupported();
      this.pos += m[0].length;
      return new Set([parseInt(m[1] as string, 16)]);
    }
    if (ch === "n" || ch === "t" || ch === "r") {
      this.pos++;
      return new Set([{ n: 10, t: 9, r: 13 }[ch]]);
    }
    if (SYNTAX.has(ch)) {
      this.pos++;
      return new Set([ch.charCodeAt(0)]);
    }
    if (!inClass && (ch === "b" || ch === "B")) throw new Unsupported();
    // \s \S \w \W \D \p{…} \P{…}, back references and the rest: any character may start.
    if (ch === "p" || ch === "P") {
      const end = this.src.indexOf("}", this.pos);
      if (end < 0) throw new Unsupported();
      this.pos = end + 1;
      return undefined;
    }
    if ("sSwWD".includes(ch)) {
      this.pos++;
      return undefined;
    }
    throw new Unsupported();
  }
}

/**
 * Many patterns, one scan of the message: `candidates(text)` marks the patterns whose match
 * could start where the text has their first two characters (first-pairs.ts), or their first
 * character where the second cannot be known; the others cannot match and need no test.
 */
export class CueIndex {
  /** by UTF-16 code: 1 + the position of its list in `lists`, 0 for a code no pattern starts with alone (an array look-up, not a Map's) */
  private readonly slot = new Uint16Array(0x10000);
  private readonly lists: number[][] = [];
  /** by the first code of a pair: 1 + the position of its map (second code → patterns) in `pairLists` */
  private readonly pairSlot = new Uint16Array(0x10000);
  private readonly pairLists: Map<number, number[]>[] = [];
  private readonly always: number[] = [];
  readonly size: number;

  constructor(patterns: readonly RegExp[]) {
    this.size = patterns.length;
    const byCode = new Map<number, number[]>();
    const byPair = new Map<number, Map<number, number[]>>();
    const add = <K>(map: Map<K, number[]>, key: K, k: number) => {
      const list = map.get(key);
      if (list === undefined) map.set(key, [k]);
      else if (list[list.length - 1] !== k) list.push(k);
    };
    patterns.forEach((pattern, k) => {
      // Reading hundreds of patterns was a tenth of `yidi nlu`'s start: the build reads them once.
      const first = tableOf(`first characters of /${pattern.source}/${pattern.flags}`, () => {
        const set = firstChars(pattern);
        return set === undefined ? null : [...set];
      });
      const pairs = tableOf(`first pairs of /${pattern.source}/${pattern.flags}`, () => {
        const found = firstPairs(pattern);
        return found === undefined ? null : { pairs: found.pairs, singles: found.singles };
      });
      if (pairs !== null) {
        for (const code of pairs.singles) add(byCode, code, k);
        for (const pair of pairs.pairs) {
          const head = pair.charCodeAt(0);
          let seconds = byPair.get(head);
          if (seconds === undefined) byPair.set(head, (seconds = new Map()));
          add(seconds, pair.charCodeAt(1), k);
        }
      } else if (first !== null) for (const code of first) add(byCode, code, k);
      else this.always.push(k);
    });
    for (const [code, list] of byCode) {
      if (code > 0xffff) continue;
      this.lists.push(list);
      this.slot[code] = this.lists.length;
    }
    for (const [code, seconds] of byPair) {
      this.pairLists.push(seconds);
      this.pairSlot[code] = this.pairLists.length;
    }
  }

  /** 1 at the position of every pattern that may match somewhere in `text`, 0 where none can. */
  candidates(text: string): Uint8Array {
    return this.mark(text, new Uint8Array(this.size));
  }

  /** `candidates`, written into `marks` (of `size` entries, cleared first). */
  mark(text: string, marks: Uint8Array): Uint8Array {
    marks.fill(0);
    for (const k of this.always) marks[k] = 1;
    const { slot, lists, pairSlot, pairLists } = this;
    const last = text.length - 1;
    for (let i = 0; i <= last; i++) {
      const code = text.charCodeAt(i);
      const at = slot[code] as number;
      if (at !== 0) for (const k of lists[at - 1] as number[]) marks[k] = 1;
      const pairAt = pairSlot[code] as number;
      if (pairAt !== 0 && i < last) {
        const list = (pairLists[pairAt - 1] as Map<number, number[]>).get(text.charCodeAt(i + 1));
        if (list !== undefined) for (const k of list) marks[k] = 1;
      }
    }
    return marks;
  }
}
