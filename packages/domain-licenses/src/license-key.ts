import { randomInt } from "node:crypto";

// No 0/O, 1/I/L, U: a key read aloud or typed from a screenshot has one spelling.
const ALPHABET = "23456789ABCDEFGHJKMNPQRSTVWXYZ";
const GROUPS = 5;
const GROUP_LENGTH = 5;

/** 25 characters of a 30-letter alphabet: about 122 bits, grouped for reading. */
export function newLicenseKey(): string {
  const groups: string[] = [];
  for (let g = 0; g < GROUPS; g++) {
    let group = "";
    for (let i = 0; i < GROUP_LENGTH; i++) group += ALPHABET[randomInt(ALPHABET.length)];
    groups.push(group);
  }
  return groups.join("-");
}

/** A key as people paste it (any case, spaces, missing dashes) in its stored form. */
export function normaliseLicenseKey(input: string): string {
  const compact = input.toUpperCase().replace(/[\s-]/g, "");
  return compact.match(new RegExp(`.{1,${GROUP_LENGTH}}`, "g"))?.join("-") ?? "";
}

export const LICENSE_KEY_PATTERN = new RegExp(
  `^[${ALPHABET}]{${GROUP_LENGTH}}(-[${ALPHABET}]{${GROUP_LENGTH}}){${GROUPS - 1}}$`,
);
