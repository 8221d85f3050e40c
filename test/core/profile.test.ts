import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { haiDuong2024Scorecard as scorecard } from '../../src/core/profile/hai-duong-2024-scorecard.ts';
import { haiDuong2024, type ScorecardNode, scorecardSchema } from '../../src/core/profile/index.ts';

const seed = readFileSync(
  new URL('../fixtures/seeds/003_80e356a50ea517f7.txt', import.meta.url),
  'utf8',
);
const seedLines = seed.split('\n');
const sectionB = scorecard.sectionB;

describe('Hải Dương 2024 profile', () => {
  for (const form of haiDuong2024.forms) {
    it(`copies every ${form.id} question letter for letter from seed 003`, () => {
      for (const q of form.questions) {
        expect(seed).toContain(`Câu ${q.number}: ${q.text}\t`);
        expect(q.text).toBe(q.text.normalize('NFC'));
      }
      expect(form.questions.map((q) => q.number)).toEqual([1, 2, 3, 4, 5]);
    });
  }
});

describe('question topics', () => {
  it('names each question by words taken from its own text', () => {
    for (const form of haiDuong2024.forms)
      for (const q of form.questions) expect(q.text.toLowerCase()).toContain(q.topic.toLowerCase());
  });
});

/** A row of the seed's "BẢNG THANG CHẤM ĐIỂM" under B, with its layout undone. */
type TableRow = { depth: number; text: string; halfPoints: number };

/**
 * Undoes the table's layout the way the profile joined it: `<i>` markup stripped, a line with
 * no points continuing the row above, whitespace collapsed. The depth comes from the row
 * itself, not from the TT column (which the layout sometimes prints one row low): a Roman
 * numeral is a criterion (its "TIÊU CHÍ N: " prefix dropped), "- " a sub-item, "+ " a part
 * of one, anything else an item.
 */
function sectionBTable(text: string): TableRow[] {
  const lines = text.split('\n');
  const first = lines.findIndex((l) => l.startsWith('I\tTIÊU CHÍ 1:'));
  // The table ends at the first line after it with text but no cells (the signature block).
  const end = lines.findIndex((l, i) => i > first && l.trim() !== '' && !l.includes('\t'));
  const cells: { tt: string; text: string; points: string }[] = [];
  for (const line of lines.slice(first, end)) {
    if (line.trim() === '') continue;
    const [tt = '', cellText = '', points = ''] = line.replace(/<\/?i>/g, '').split('\t');
    const previous = cells.at(-1);
    if (points === '' && previous) previous.text += ` ${cellText}`;
    else cells.push({ tt, text: cellText, points });
  }
  return cells.map(({ tt, text: raw, points }) => {
    const joined = raw.replace(/\s+/g, ' ').trim();
    const halfPoints = 2 * Number(points.replace(',', '.'));
    if (/^[IVX]+$/.test(tt)) {
      return { depth: 0, text: joined.replace(/^TIÊU CHÍ \d+: /, ''), halfPoints };
    }
    if (joined.startsWith('- ')) return { depth: 2, text: joined.slice(2), halfPoints };
    if (joined.startsWith('+ ')) return { depth: 3, text: joined.slice(2), halfPoints };
    return { depth: 1, text: joined, halfPoints };
  });
}

/** The profile's Section B tree in table order, criteria by their table title. */
function profileRows(): TableRow[] {
  const walk = (node: ScorecardNode, depth: number): TableRow[] => [
    { depth, text: node.text, halfPoints: node.maxHalfPoints },
    ...(node.children ?? []).flatMap((child) => walk(child, depth + 1)),
  ];
  return sectionB.criteria.flatMap((c) => walk({ ...c, text: c.tableTitle }, 0));
}

/** Every node under the criteria, criteria included. */
function allNodes(): ScorecardNode[] {
  const walk = (node: ScorecardNode): ScorecardNode[] => [
    node,
    ...(node.children ?? []).flatMap(walk),
  ];
  return sectionB.criteria.flatMap(walk);
}

const table = sectionBTable(seed);

describe('Hải Dương 2024 Section B', () => {
  it('reads all 64 rows of the seed table, from Tiêu chí 1 to Tiêu chí 5 item 1', () => {
    expect(table).toHaveLength(64);
    expect(table[0]?.text).toBe('CHÍNH QUYỀN HOẠT ĐỘNG CÔNG KHAI, MINH BẠCH');
    expect(table.at(-1)?.text).toMatch(/^Thực hiện việc tiếp nhận và trả kết quả/);
  });

  it('copies every criterion, item, sub-item and part text letter for letter from the table, in its order', () => {
    expect(profileRows().map((r) => r.text)).toEqual(table.map((r) => r.text));
  });

  it('keeps the seed spelling where it looks wrong', () => {
    const texts = profileRows().map((r) => r.text);
    expect(texts.some((t) => t.includes('NGƯƠNG MẪU'))).toBe(true);
    expect(texts.some((t) => t.includes('vùi vãnh'))).toBe(true);
    expect(texts.some((t) => t.startsWith('Xếp xếp'))).toBe(true);
  });

  it('nests rows as the table does: items, "- " sub-items under them, "+ " parts under those', () => {
    expect(profileRows().map((r) => r.depth)).toEqual(table.map((r) => r.depth));
  });

  it('gives every node the points the table prints for it, in half-points', () => {
    expect(profileRows().map((r) => r.halfPoints)).toEqual(table.map((r) => r.halfPoints));
  });

  it('titles each criterion with the sentence-case "Tiêu chí N: …" line of the body text', () => {
    for (const c of sectionB.criteria) expect(seedLines).toContain(`Tiêu chí ${c.id}: ${c.text}`);
  });

  it('copies both disqualifying events letter for letter from "Hướng dẫn chấm điểm"', () => {
    const { disqualifiers } = scorecard;
    expect(disqualifiers).toHaveLength(2);
    for (const d of disqualifiers) expect(seedLines).toContain(`+ ${d.text}`);
  });

  it('adds the criteria up to 22 + 23 + 10 + 18 + 7 = 80 points', () => {
    const maxima = sectionB.criteria.map((c) => c.maxHalfPoints / 2);
    expect(maxima).toEqual([22, 23, 10, 18, 7]);
    expect(2 * 80).toBe(sectionB.maxHalfPoints);
    expect(scorecard.sectionAMaxPoints + 80).toBe(scorecard.maxPoints);
  });

  it('gives every node with children exactly the sum of its children', () => {
    for (const node of allNodes()) {
      if (!node.children) continue;
      const sum = node.children.reduce((total, child) => total + child.maxHalfPoints, 0);
      expect(sum, node.id).toBe(node.maxHalfPoints);
    }
  });

  it('names every node by its path of positions, e.g. "2.4.5.1"', () => {
    const ids = allNodes().map((n) => n.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toContain('2.4.5.1');
    expect(allNodes().find((n) => n.id === '2.4.5.1')?.text).toMatch(/^Công tác tổ chức Hội nghị/);
  });
});

describe('scorecard schema, Section B', () => {
  /** A copy of the default scorecard with one node changed. */
  function withNode(id: string, change: (node: MutableNode) => void): unknown {
    const copy = structuredClone(scorecard);
    const walk = (nodes: MutableNode[]): MutableNode | undefined => {
      for (const node of nodes) {
        if (node.id === id) return node;
        const found = walk(node.children ?? []);
        if (found) return found;
      }
      return undefined;
    };
    const node = walk(copy.sectionB.criteria);
    if (!node) throw new Error(`No node ${id}`);
    change(node);
    return copy;
  }
  type MutableNode = { id: string; maxHalfPoints: number; children?: MutableNode[] | undefined };

  function problems(candidate: unknown): string[] {
    const result = scorecardSchema.safeParse(candidate);
    return result.success ? [] : result.error.issues.map((i) => i.message);
  }

  it('accepts the default scorecard', () => {
    expect(problems(structuredClone(scorecard))).toEqual([]);
  });

  it('refuses a profile whose sub-items do not add up to their item', () => {
    const bad = withNode('1.1.1', (n) => {
      n.maxHalfPoints = 3;
    });
    expect(problems(bad)).toContainEqual(expect.stringMatching(/^Mục 1\.1: điểm chuẩn 2 khác/));
  });

  it('refuses a profile whose "+" parts do not add up to their sub-item', () => {
    const bad = withNode('2.4.5.2', (n) => {
      n.maxHalfPoints = 5;
    });
    expect(problems(bad)).toContainEqual(expect.stringMatching(/^Mục 2\.4\.5: điểm chuẩn 5 khác/));
  });

  it('refuses a profile whose criteria do not add up to the Section B maximum', () => {
    // Item and criterion raised together, so only the criteria's total is wrong.
    const bad = withNode('3', (n) => {
      n.maxHalfPoints += 1;
      const first = n.children?.[0];
      if (first) first.maxHalfPoints += 1;
    });
    expect(problems(bad)).toEqual(['Tổng điểm các tiêu chí 80,5 khác điểm tối đa mục B 80']);
  });

  it('refuses a profile whose Section A and Section B maxima do not make its total', () => {
    const bad = structuredClone(scorecard);
    bad.sectionAMaxPoints = 21;
    expect(problems(bad)).toEqual(['Điểm tối đa mục A cộng mục B phải bằng tổng điểm chuẩn']);
  });

  it('refuses a node whose id does not follow its position', () => {
    const bad = withNode('1.2.3', (n) => {
      n.id = '1.2.9';
    });
    expect(problems(bad)).toEqual(['Mục 1.2.9 phải có mã 1.2.3 theo thứ tự trong bảng']);
  });
});
