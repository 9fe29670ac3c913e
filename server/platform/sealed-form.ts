import type { FormFieldType } from "../../common/vocabulary.js";
import type { PersonalDataCipher } from "./crypto.js";
import { containsPersonalData, maskIdNumber, maskPersonalDataInText, maskPhone } from "./masking.js";

/**
 * Personal data typed into a form (an application, a bundle application, a draft) is kept the way `users` keeps it:
 * every value of a personal kind — an ID number or a phone field, or any answer whose text holds such a number — is
 * stored as its SM4 ciphertext, with the blind index of ID and phone fields for exact lookups. Nothing else in a form
 * is touched, so the non-personal answers stay readable to SQL. Readers get the answers masked unless they may see
 * them whole. Free texts (complaints, questions) holding such a number are kept as ciphertext whole.
 */

/** Marks a free text kept as ciphertext, because it holds an ID or mobile number. */
const SEALED_TEXT_MARK = "sm4:";

/** Field kinds whose every value is personal data. */
const PERSONAL_FIELD_TYPES: ReadonlySet<FormFieldType> = new Set(["id_number", "phone"]);

type Field = { key: string; type: FormFieldType };
export type FormValues = Record<string, unknown>;

/** One stored personal value: the SM4 ciphertext of its JSON, and for ID and phone fields the blind index. */
export type SealedValue = { sm4: string; index?: string };

declare const sealed: unique symbol;
/**
 * A form as it is stored. Only `seal` makes one and only `open` or `view` reads one (an interface, so it is not a
 * record of answers to the type checker): neither a plain form written nor a sealed one read by mistake compiles.
 */
export interface SealedForm {
  readonly [sealed]: true;
}

export const EMPTY_SEALED_FORM = {} as SealedForm;

function isSealedValue(value: unknown): value is SealedValue {
  return typeof value === "object" && value !== null && typeof (value as SealedValue).sm4 === "string";
}

function isPersonal(type: FormFieldType | undefined, value: unknown): boolean {
  if (value === undefined || value === null || value === "") return false;
  if (type && PERSONAL_FIELD_TYPES.has(type)) return true;
  return (typeof value === "string" || typeof value === "number") && containsPersonalData(String(value));
}

/** The blind index of an ID or phone answer: the same as `users.id_number_index` for the same number. */
function indexOf(cipher: PersonalDataCipher, type: FormFieldType | undefined, value: unknown): string | undefined {
  return type && PERSONAL_FIELD_TYPES.has(type) && typeof value === "string"
    ? cipher.blindIndex(value.trim())
    : undefined;
}

export type FormSealer = ReturnType<typeof createFormSealer>;

export function createFormSealer(cipher: PersonalDataCipher) {
  /** The form to store: personal values sealed. A value already sealed (copied from another form) is kept. */
  function seal(fields: readonly Field[], values: FormValues): SealedForm {
    const types = new Map(fields.map((f) => [f.key, f.type]));
    const out: FormValues = {};
    for (const [key, value] of Object.entries(values)) {
      const type = types.get(key);
      if (isSealedValue(value) || !isPersonal(type, value)) {
        out[key] = value;
        continue;
      }
      const index = indexOf(cipher, type, value);
      out[key] = { sm4: cipher.encrypt(JSON.stringify(value)), ...(index ? { index } : {}) };
    }
    return out as unknown as SealedForm;
  }

  /** The answers as typed, for the checks and documents that need them. */
  function open(stored: SealedForm): FormValues {
    const out: FormValues = {};
    for (const [key, value] of Object.entries(stored as object)) {
      out[key] = isSealedValue(value) ? JSON.parse(cipher.decrypt(value.sm4)) : value;
    }
    return out;
  }

  /** The answers as a reader may see them: whole for one who may, otherwise every personal value masked. */
  function view(fields: readonly Field[], stored: SealedForm, whole: boolean): FormValues {
    const values = open(stored);
    if (whole) return values;
    const types = new Map(fields.map((f) => [f.key, f.type]));
    const out: FormValues = {};
    for (const [key, value] of Object.entries(values)) {
      const type = types.get(key);
      if (!isPersonal(type, value)) out[key] = value;
      else if (type === "id_number") out[key] = maskIdNumber(String(value));
      else if (type === "phone") out[key] = maskPhone(String(value));
      else out[key] = maskPersonalDataInText(String(value));
    }
    return out;
  }

  /** A form stored before its personal answers were sealed, sealed now; null when it holds nothing to seal. */
  function resealed(fields: readonly Field[], stored: SealedForm): SealedForm | null {
    const values = stored as unknown as FormValues;
    const sealedNow = seal(fields, values) as unknown as FormValues;
    return Object.keys(values).some((key) => sealedNow[key] !== values[key])
      ? (sealedNow as unknown as SealedForm)
      : null;
  }

  /**
   * A free text as it is stored (a complaint, a question): as typed when it holds no ID or mobile number, otherwise
   * its ciphertext. A text that merely looks sealed is sealed too, so `openText` never mistakes one.
   */
  function sealText(text: string): string {
    return containsPersonalData(text) || text.startsWith(SEALED_TEXT_MARK)
      ? SEALED_TEXT_MARK + cipher.encrypt(text)
      : text;
  }

  function openText(stored: string): string {
    return stored.startsWith(SEALED_TEXT_MARK) ? cipher.decrypt(stored.slice(SEALED_TEXT_MARK.length)) : stored;
  }

  return {
    seal,
    open,
    view,
    resealed,
    sealText,
    openText,
    indexOf: (value: string) => cipher.blindIndex(value.trim()),
  };
}
