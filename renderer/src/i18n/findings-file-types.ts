/** The texts of the findings' Excel round trip: export for the client's team, import of the returned workbook. */
export interface FindingsFileMessages {
  clientHeading: string;
  clientIntro: string;
  export: {
    button: string;
    busy: string;
    written: (file: string, count: number) => string;
    reveal: string;
  };
  import: {
    button: string;
    title: string;
    choose: string;
    chooseHint: string;
    reading: string;
    scope: (label: string, exportedAt: string) => string;
    changed: (n: number) => string;
    conflicts: (n: number) => string;
    unchanged: (n: number) => string;
    errors: (n: number) => string;
    changesCaption: string;
    finding: string;
    field: string;
    from: string;
    to: string;
    newComment: string;
    rowOf: (row: number) => string;
    unknownFinding: (id: number) => string;
    conflictsCaption: string;
    conflictsIntro: string;
    atExport: string;
    inApp: string;
    inFile: string;
    resolveLegend: string;
    ours: string;
    theirs: string;
    errorsBlock: string;
    errorRow: (sheet: string, row: number, column: string) => string;
    nothingToDo: string;
    by: string;
    byHint: string;
    needsChoice: string;
    needsBy: string;
    apply: string;
    applying: string;
    done: (changed: number, commented: number, conflictsResolved: number) => string;
  };
}
