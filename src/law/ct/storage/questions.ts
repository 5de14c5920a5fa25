/** The storage area: safe storage of loaded firearms (PA 13-3 §§ 54-56). */
import type { Question, RuleInfo } from "../../core/questions.ts";
import type { SafeStorageFacts } from "./storage-facts.ts";
import type { SafeStorageResult } from "./safe-storage.ts";
import { safeStorage } from "./safe-storage.ts";
import { SECURE_STORAGE_MINOR_RULE, SECURE_STORAGE_RESIDENTS_RULE } from "./secure-storage-required.ts";
import { STRICT_LIABILITY_RULE } from "./strict-liability.ts";
import { CRIMINALLY_NEGLIGENT_STORAGE_RULE } from "./criminally-negligent-storage.ts";

export const questions: Question<SafeStorageFacts, SafeStorageResult>[] = [safeStorage];

export const rules: RuleInfo[] = [
  SECURE_STORAGE_MINOR_RULE,
  SECURE_STORAGE_RESIDENTS_RULE,
  STRICT_LIABILITY_RULE,
  CRIMINALLY_NEGLIGENT_STORAGE_RULE,
];
