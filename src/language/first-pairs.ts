/**
 * The first two characters a regular expression's match can start with, read from its source:
 * sharper than the first character alone (first-chars.ts), which lets through every cue that
 * starts with a common character (能, 要, 不, 医) whatever follows it. Where the second character
 * cannot be known (怎么.{0,4}, 算(?!…).{0,8}吗) the first one stands alone for that branch.
 * Conservative in the same way: a pattern that may start with any character, can match the empty
 * string, has flags other than g/u, or uses syntax this small reader does not know gives
 * `undefined` ("always test"); the sets it gives may hold more than can match, never less.
 */

/** What a match of one part of a pattern can begin with, up to two UTF-16 code units. */
interface Prefixes {
  /** could begin with anything */
  any: boolean;
  /** whole matches shorter than two units: "" (the empty match) or one unit */
  short: Set<string>;
  /** the first two units */
  pairs: Set<string>;
  /** a first unit followed by anything */
  open: Set<string>;
}

export interface FirstPairs {
  /** two-unit strings, one of which a match starts with… */
  pairs: string[];
  /** …unless it starts with one of these units (what follows it unknown, or a one-unit match) */
  singles: number[];
}

class Unsupported extends Error {}

/** Beyond this many pairs for one part, its pairs are cut to their first units. */
const MAX_PAIRS = 4096;
/** A class with more members than this is read as "any character". */
const MAX_CLASS = 512;
/** Literal characters that need no escape inside or outside a class. */
const SYNTAX = new Set(["\\", "^", "$", ".", "|", "?", "*", "+", "(", ")", "[", "]", "{", "}", "/", "-"]);

const empty = (): Prefixes => ({ any: false, short: new Set([""]), pairs: new Set(), open: new Set() });
const anything = (): Prefixes => ({ any: true, short: new Set(), pairs: new Set(), open: new Set() });
const units = (codes: Iterable<number>): Prefixes => ({ any: false, short: new Set(Array.from(codes, (c) => String.fromCharCode(c))), pairs: new Set(), open: new Set() });

function union(a: Prefixes, b: Prefixes): Prefixes {
  return bounded({ any: a.any || b.any, short: new Set([...a.short, ...b.short]), pairs: new Set([...a.pairs, ...b.pairs]), open: new Set([...a.open, ...b.open]) });
}

/** `a` then `b`, cut to two units. */
function concat(a: Prefixes, b: Prefixes): Prefixes {
  const out: Prefixes = { any: a.any, short: new Set(), pairs: new Set(a.pairs), open: new Set(a.open) };
  for (const s of a.short) {
    if (s === "") {
      out.any ||= b.any;
      for (const x of b.short) out.short.add(x);
      for (const x of b.pairs) out.pairs.add(x);
      for (const x of b.open) out.open.add(x);
      continue;
    }
    if (b.any) out.open.add(s);
    for (const x of b.short) (x === "" ? out.short : out.pairs).add(s + x);
    for (const x of b.pairs) out.pairs.add(s + x[0]);
    for (const x of b.open) out.pairs.add(s + x);
  }
  return bounded(out);
}

/** Too many pairs to be worth listing: their first units stand for them. */
function bounded(p: Prefixes): Prefixes {
  if (p.pairs.size <= MAX_PAIRS) return p;
  for (const x of p.pairs) p.open.add(x[0] as string);
  p.pairs.clear();
  return p;
}

export function firstPairs(pattern: RegExp): FirstPairs | undefined {
  if (/[^gu]/u.test(pattern.flags)) return undefined;
  try {
    const reader = new Reader(pattern.source);
    const result = reader.alternation();
    if (reader.pos !== pattern.source.length || result.any || result.short.has("")) return undefined;
    const singles = new Set<number>();
    for (const s of result.short) singles.add(s.charCodeAt(0));
    for (const s of result.open) singles.add(s.charCodeAt(0));
    // A pair whose first unit stands alone already adds nothing.
    const pairs = [...result.pairs].filter((p) => !singles.has(p.charCodeAt(0)));
    return { pairs: pairs.sort(), singles: [...singles].sort((x, y) => x - y) };
  } catch (error) {
    if (error instanceof Unsupported) return undefined;
    throw error;
  }
}

class Reader {
  pos = 0;
  constructor(private readonly src: string) {}

  private peek(): string | undefined {
    return this.src[this.pos];
  }

  alternation(): Prefixes {
    let acc = this.sequence();
    while (this.peek() === "|") {
      this.pos++;
      acc = union(acc, this.sequence());
    }
    return acc;
  }

  private sequence(): Prefixes {
    let acc = empty();
    while (this.pos < this.src.length && this.peek() !== "|" && this.peek() !== ")") acc = concat(acc, this.quantified());
    return acc;
  }

  private quantified(): Prefixes {
    const atom = this.atom();
    const q = this.peek();
    let min = 1;
    let max = 1;
    if (q === "?") [min, max] = [0, 1];
    else if (q === "*") [min, max] = [0, Infinity];
    else if (q === "+") [min, max] = [1, Infinity];
    else if (q === "{") {
      const m = /^\{(\d+)(,(\d*))?\}/u.exec(this.src.slice(this.pos));
      if (!m) throw new Unsupported();
      min = Number(m[1]);
      max = m[2] === undefined ? min : m[3] === "" ? Infinity : Number(m[3]);
      this.pos += m[0].length - 1;
    } else return atom;
    this.pos++;
    if (this.peek() === "?") this.pos++; // lazy: the same strings
    if (max === 0) return empty();
    const maybe = union(atom, empty());
    if (max === 1) return min === 0 ? maybe : atom;
    // Two units come from at most two copies that match something; the copies before, between
    // and after them may match nothing.
    const twice = concat(concat(min >= 2 ? concat(atom, atom) : atom, maybe), maybe);
    return min === 0 ? union(twice, empty()) : twice;
  }

  private atom(): Prefixes {
    const ch = this.peek();
    if (ch === undefined) throw new Unsupported();
    if (ch === "^" || ch === "$") {
      this.pos++;
      return empty();
    }
    if (ch === ".") {
      this.pos++;
      return anything();
    }
    if (ch === "(") return this.group();
    if (ch === "[") {
      const set = this.charClass();
      return set === undefined ? anything() : units(set);
    }
    if (ch === "\\") {
      const set = this.escape(false);
      return set === undefined ? anything() : units(set);
    }
    if (ch === ")" || ch === "]" || ch === "}" || ch === "{" || ch === "?" || ch === "*" || ch === "+") throw new Unsupported();
    const cp = this.src.codePointAt(this.pos) as number;
    const text = String.fromCodePoint(cp);
    this.pos += text.length;
    // Outside the basic plane a character is two units: the pair itself.
    return text.length === 1 ? units([cp]) : { any: false, short: new Set(), pairs: new Set([text]), open: new Set() };
  }

  private group(): Prefixes {
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
    const inner = this.alternation();
    if (this.peek() !== ")") throw new Unsupported();
    this.pos++;
    // A lookaround consumes nothing: it only narrows what the rest may match.
    return lookaround ? empty() : inner;
  }

  /** The codes of a class, or undefined for "too many to list" (a negated class, a wide range, \s, \p{…}). */
  private charClass(): Set<number> | undefined {
    this.pos++; // [
    let any = false;
    if (this.peek() === "^") {
      this.pos++;
      any = true;
    }
    const out = new Set<number>();
    while (this.peek() !== "]") {
      if (this.pos >= this.src.length) throw new Unsupported();
      const low = this.classItem();
      if (typeof low === "number" && this.peek() === "-" && this.src[this.pos + 1] !== "]") {
        this.pos++;
        const high = this.classItem();
        if (typeof high !== "number" || high < low) throw new Unsupported();
        if (high - low > MAX_CLASS) any = true;
        else for (let c = low; c <= high; c++) out.add(c);
      } else if (low === undefined) any = true;
      else if (typeof low === "number") out.add(low);
      else for (const c of low) out.add(c);
    }
    this.pos++; // ]
    return any || out.size > MAX_CLASS ? undefined : out;
  }

  private classItem(): number | Set<number> | undefined {
    if (this.peek() === "\\") {
      const set = this.escape(true);
      return set !== undefined && set.size === 1 ? ([...set][0] as number) : set;
    }
    const cp = this.src.codePointAt(this.pos) as number;
    // Outside the basic plane a class is matched by code point, not by code unit.
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
      const m = /^u\{([0-9a-fA-F]+)\}/u.exec(this.src.slice(this.pos)) ?? /^u([0-9a-fA-F]{4})/u.exec(this.src.slice(this.pos));
      if (!m) throw new Unsupported();
      this.pos += m[0].length;
      const cp = parseInt(m[1] as string, 16);
      // An astral character escaped is two units; read as "any" rather than listed as a pair.
      if (cp > 0xffff) {
        if (inClass) throw new Unsupported();
        return undefined;
      }
      return new Set([cp]);
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
