/**
 * Checks of per-customer numeric columns (a customer table exported from any CRM, or the marketing RFM):
 * equally long, not empty, finite, and within each column's domain.
 */
import { naError, numError, valueError } from "../errors";
import { Message, msg } from "../messages/catalogue";

/** One per-customer column and its domain. */
export interface CustomerColumn {
  /** The argument's name, for messages (`daysSinceLast`). */
  readonly name: string;
  readonly values: ArrayLike<number>;
  /** Smallest allowed value (inclusive); none by default. */
  readonly min?: number;
  /** Largest allowed value (inclusive); none by default. */
  readonly max?: number;
}

/** Describes customer i (0-based) in messages; default "customer i+1". */
export type DescribeCustomer = (i: number) => Message;

/** The default description of customer i: "customer i+1". */
export const customerNumber: DescribeCustomer = (i) => msg("btyd.customerNumber", { n: i + 1 });

/**
 * Checks per-customer columns and returns the number of customers. O(n·columns).
 * @throws CrmError `#VALUE!` when the columns differ in length, `#N/A` when there are no customers, `#NUM!`
 * for a value that is not finite or outside its column's domain, naming the column and the customer.
 */
export function checkCustomerColumns(
  columns: readonly CustomerColumn[],
  describe: DescribeCustomer = customerNumber,
): number {
  const n = columns[0]?.values.length ?? 0;
  const names = columns.map((c) => c.name).join(", ");
  if (columns.some((c) => c.values.length !== n)) {
    throw valueError("btyd.perCustomer", { names, counts: columns.map((c) => c.values.length).join(", ") });
  }
  if (n === 0) throw naError("analysis.noCustomers", { names });
  for (const { name, values, min = -Infinity, max = Infinity } of columns) {
    for (let i = 0; i < n; i++) {
      const v = values[i]!;
      if (v >= min && v <= max && v - v === 0) continue;
      const where = msg("input.argCell", { arg: name, cell: describe(i) });
      if (!Number.isFinite(v)) throw numError("input.cellNotFinite", { where });
      const range =
        max === Infinity ? msg("analysis.rangeAtLeast", { min }) : msg("analysis.rangeBetween", { min, max });
      throw numError("analysis.outOfRange", { where, value: v, range });
    }
  }
  return n;
}
