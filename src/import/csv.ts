/**
 * RFC 4180 CSV: a header row, then one record a row; fields may be quoted, with
 * "" for a quote inside, and quoted fields may span lines. Tab-separated files
 * (no comma in the header, a tab) are read the same way.
 */
export function parseCsv(text: string): Record<string, string>[] {
  const firstLine = text.split(/\r?\n/, 1)[0] ?? "";
  const sep = !firstLine.includes(",") && firstLine.includes("\t") ? "\t" : ",";
  const rows = splitRecords(text, sep).filter((r) => !(r.length === 1 && r[0] === ""));
  const [header, ...records] = rows;
  if (!header) return [];
  const names = header.map((h) => h.trim());
  return records.map((fields) => {
    const row: Record<string, string> = {};
    names.forEach((name, i) => {
      if (name !== "") row[name] = fields[i] ?? "";
    });
    return row;
  });
}

function splitRecords(text: string, sep: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charAt(i);
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"' && field === "") quoted = true;
    else if (ch === sep) {
      row.push(field);
      field = "";
    } else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && text[i + 1] === "\n") i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
    } else field += ch;
  }
  if (field !== "" || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}
