import { create } from 'zustand';
import type { AttendanceRules } from '../../../../shared/domain/attendance';

/** A type's draft default: points, and the amount as typed in yuan. */
export interface TypeDraft {
  points: number | null;
  amount: string;
}

/**
 * The what-if's drafts, kept while the user moves between tabs and pages: the attendance settings
 * hand their unsaved rules over here ("preview the effect on 奖惩"), and the what-if tab keeps
 * its edits here. Memory only: nothing of it is ever saved.
 */
interface WhatIfDraft {
  /** Null: start from the rules as saved. */
  rules: AttendanceRules | null;
  /** The rules came from the attendance settings' form, unsaved. */
  carried: boolean;
  /** Draft defaults by type id; a type not here keeps the catalog's. */
  types: Record<number, TypeDraft>;
  /** Rules handed over from the attendance settings. */
  carry(rules: AttendanceRules): void;
  editRules(rules: AttendanceRules): void;
  editType(typeId: number, draft: TypeDraft): void;
  /** Back to the rules and defaults as saved. */
  reset(): void;
}

export const useWhatIfDraft = create<WhatIfDraft>((set) => ({
  rules: null,
  carried: false,
  types: {},
  carry: (rules) => set({ rules, carried: true }),
  editRules: (rules) => set({ rules }),
  editType: (typeId, draft) => set((s) => ({ types: { ...s.types, [typeId]: draft } })),
  reset: () => set({ rules: null, carried: false, types: {} }),
}));
