import { MEDIA, MEDIA_ALIAS_SETS, MEDIA_TREE, type MediaNode, mediaLeafIds } from './media.js';

/**
 * docs/media.md, rendered from data/media-tree.json (scripts/gen-media-doc.ts
 * writes it; a test checks that the committed file is up to date).
 */
function origin(n: MediaNode): string {
  if (n.source === 'filmrights') {
    return n.iftaSource ? `ours (stands in for an IFTA branch whose heading was not read, status \`${n.status}\`)` : 'ours';
  }
  return `IFTA, status \`${n.status}\`${n.verified ? ', verified' : ''}`;
}

export function renderMediaDoc(): string {
  const lines: string[] = [];
  lines.push('# Media');
  lines.push('');
  lines.push(
    '<!-- Generated from data/media-tree.json by `npx tsx scripts/gen-media-doc.ts`. Do not edit by hand: edit the data and regenerate (a test fails when this file is stale). -->',
  );
  lines.push('');
  lines.push(
    'Deals name media at any level of this tree ("all rights", "TV rights", "SVOD"); media sets are bitsets over its leaves. The Cinematic and Ancillary branches are IFTA\'s (International Schedule of Definitions, V: 2022, sections A and B), with their ids, definitions and reading status as far as they could be read (see docs/domain.md, *Sources of the reference data*). IFTA\'s television, videogram and on-demand sections (C-H) could not be read: those branches keep IFTA\'s placeholder ids (`television`, `videogram`, `online-on-demand`) but their names, definitions and children are **ours** (source `filmrights`), from common industry usage, not IFTA\'s wording.',
  );
  lines.push('');
  lines.push(`Leaves, in bit order (${MEDIA.size}): ${MEDIA.codes.map((c) => `\`${c}\``).join(', ')}.`);
  lines.push('');
  lines.push('## Tree');
  lines.push('');
  const walk = (n: MediaNode, depth: number) => {
    const aliases = n.aliases.length ? `; also: ${n.aliases.map((a) => `"${a}"`).join(', ')}` : '';
    lines.push(`${'  '.repeat(depth)}- **${n.name}** (\`${n.id}\`): ${origin(n)}${aliases}`);
    n.children.forEach((c) => walk(c, depth + 1));
  };
  walk(MEDIA_TREE, 0);
  lines.push('');
  lines.push('## Names for sets that are not one branch');
  lines.push('');
  for (const a of MEDIA_ALIAS_SETS) {
    const aliases = a.aliases.length ? ` (also ${a.aliases.map((x) => `"${x}"`).join(', ')})` : '';
    lines.push(
      `- **${a.name}**${aliases} = ${mediaLeafIds(a.leaves)
        .map((c) => `\`${c}\``)
        .join(' + ')}. ${a.note ?? ''}`.trimEnd(),
    );
  }
  lines.push('');
  lines.push('## Decisions and notes');
  lines.push('');
  const notes = (n: MediaNode) => {
    if (n.note) lines.push(`- **${n.name}**: ${n.note}`);
    n.children.forEach(notes);
  };
  notes(MEDIA_TREE);
  lines.push('- **Definitions** of our nodes are one-line summaries of common usage; see `data/media-tree.json`.');
  lines.push('');
  return lines.join('\n');
}
