/** What every part of one fake host shares: its configuration, workbook state, call log and faults. */
import type { BookState } from "./bookState";
import type { CallLog } from "./callLog";
import type { Faults } from "./faults";
import type { AssociatedFunction, FakeHostConfig } from "./types";

export interface HostEnv {
  readonly config: FakeHostConfig;
  readonly platform: string;
  readonly book: BookState;
  readonly log: CallLog;
  readonly faults: Faults;
  /** CustomFunctions.associate'd functions and Office.actions.associate'd actions, by id. */
  readonly associated: Record<string, AssociatedFunction>;
  readonly actions: Record<string, AssociatedFunction>;
}
