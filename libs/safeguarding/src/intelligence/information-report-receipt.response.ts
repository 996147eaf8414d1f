/** The information report as recorded. */
export class InformationReportReceipt {
  reportId!: string;
  /** The same report had been recorded before: nothing was changed. */
  duplicate!: boolean;
}
