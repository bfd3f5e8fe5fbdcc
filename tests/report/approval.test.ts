import { expect, test } from "vitest";
import { APPROVAL_MARKER, approvalNote, withApprovalNote } from "../../src/report/approval.js";

const REPORT =
  "<!-- agentops-report -->\n## ❌ agentops: regression\n\n**summarize: overlap dropped**\n\n| a | b |";
const note = (author: string) =>
  approvalNote({
    author,
    sha: "450aedf431ffa475",
    commentUrl: "https://ghe.example.com/o/r/pull/7#issuecomment-5",
  });

test("the note says who accepted which commit, with a link to the comment", () => {
  expect(note("alice")).toBe(
    `${APPROVAL_MARKER}\n> ✅ **Regression accepted** by @alice for \`450aedf\` ([comment](https://ghe.example.com/o/r/pull/7#issuecomment-5)). A new push resets this.`,
  );
});

test("the note goes right under the verdict heading, where a reviewer looks first", () => {
  expect(withApprovalNote(REPORT, note("alice"), 65_536)).toBe(
    `<!-- agentops-report -->\n## ❌ agentops: regression\n\n${note("alice")}\n\n**summarize: overlap dropped**\n\n| a | b |`,
  );
});

test("a second approval replaces the first, including one an older version appended at the end", () => {
  const once = withApprovalNote(REPORT, note("alice"), 65_536) ?? "";
  const twice = withApprovalNote(`${once}\n\n${note("carol")}\n`, note("bob"), 65_536) ?? "";
  expect(twice.split(APPROVAL_MARKER)).toHaveLength(2);
  expect(twice).toContain("@bob");
  expect(twice).not.toMatch(/@alice|@carol/);
  expect(twice).toBe(withApprovalNote(REPORT, note("bob"), 65_536));
});

test("a report with no room left for the note is left alone", () => {
  expect(withApprovalNote(REPORT, note("alice"), REPORT.length + 10)).toBeUndefined();
});
