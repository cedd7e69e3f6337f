/** The notes and safety stages through the same processor Astro runs, on fixture readings. */
import { describe, expect, test, vi } from 'vitest';
import { toString as hastToString } from 'hast-util-to-string';
import { $, $$, parseHtml, runningText, text } from '../support/html.ts';
import { type Frontmatter, renderFailure, renderFixture } from '../support/pipeline.ts';

describe('the notes stage', () => {
  test('marks the quoted phrase and follows it with a numbered marker: a link to the note and a button that opens it', async () => {
    const tree = parseHtml(await renderFixture('tea-tariffs.md'));
    const anchor = $(tree, '#introduction-1 .anchor')!;
    expect(text(anchor)).toBe('twelve per cent');
    // Both markers are in one mark, which holds the marker's id: one of them shows at any width, so links back land on it.
    expect($(tree, '#introduction-1 .note-mark#note-tariff-rate-ref > a.note-ref')).toBeTruthy();
    const marker = $(tree, '#introduction-1 a.note-ref')!;
    expect(marker.properties).toMatchObject({ href: '#note-tariff-rate', ariaLabel: 'Note 1', dataSlot: '1' });
    expect(text(marker)).toBe('1');
    const toggle = $(tree, '#introduction-1 a.note-ref + button.note-toggle')!;
    expect(toggle.properties).toMatchObject({ type: 'button', popoverTarget: 'note-tariff-rate', ariaLabel: 'Note 1', dataSlot: '1' });
    expect(text(toggle)).toBe('1');
  });

  test('places each note right after its marker, inside its paragraph (a div): a popover labelled by its number, not an <aside>', async () => {
    const tree = parseHtml(await renderFixture('tea-tariffs.md'));
    expect($$(tree, 'aside, p .sidenote')).toHaveLength(0);
    const passage = $(tree, 'div.passage#introduction-1')!;
    const note = $(passage, '.note-mark#note-tariff-rate-ref + section.sidenote#note-tariff-rate')!;
    expect(note).toBeTruthy();
    // The note's blocks are in a <details> that find-in-page opens, its label never shown.
    expect(text($(note, ':scope > details.sidenote-reveal > summary.sidenote-reveal-label'))).toBe('Note 1');
    expect(note.properties).toMatchObject({ role: 'note', ariaLabel: 'Note 1', tabIndex: -1, popover: 'auto', dataSlot: '1' });
    expect($(note, 'button.sidenote-close')!.properties).toMatchObject({
      popoverTarget: 'note-tariff-rate',
      popoverTargetAction: 'hide',
      ariaLabel: 'Close note 1',
    });
    expect(text($(note, 'summary .sidenote-head'))).toBe('1 Context');
    expect($(note, '.sidenote-fold > .sidenote-back a')!.properties).toMatchObject({ href: '#note-tariff-rate-ref', ariaLabel: 'Back to the text at note 1' });
    // Markdown in the note renders: emphasis, links, lists; the source is cited as a link.
    expect(text($(note, 'em'))).toBe('1998');
    expect($(note, 'a[href="https://example.org/review"]')).toBeTruthy();
    expect(text($(note, '.sidenote-sources'))).toBe('Source: Fixture Trade Review.');
    expect($$(tree, '#note-harbour li')).toHaveLength(2);
  });

  test('shows a gist, by default the first sentence, and folds the rest of the note away in a <details>', async () => {
    const tree = parseHtml(
      await renderFixture('tea-tariffs.md', (r) => {
        r.frontmatter.notes[0].text = 'The rate dates from No. 4 of the *1998* acts. Growers lobbied for it. [A review](https://example.org/review) is due.';
      }),
    );
    const note = $(tree, '#note-tariff-rate')!;
    expect(text($(note, 'details > summary .sidenote-gist'))).toBe('The rate dates from No. 4 of the 1998 acts.');
    expect(text($(note, 'details.sidenote-fold > p'))).toBe('Growers lobbied for it. A review is due.');
    // A first paragraph with no sentence end is the gist whole; the list after it is the rest.
    expect(text($(tree, '#note-harbour .sidenote-gist'))).toBe('A levy on each chest landed, in two parts:');
    expect($$(tree, '#note-harbour .sidenote-fold > ul li')).toHaveLength(2);
  });

  test('a gist in the frontmatter is shown instead, and the whole text opens below it', async () => {
    const tree = parseHtml(
      await renderFixture('tea-tariffs.md', (r) => {
        r.frontmatter.notes[0].gist = 'A *1998* rate, under review.';
      }),
    );
    expect(text($(tree, '#note-tariff-rate .sidenote-gist'))).toBe('A 1998 rate, under review.');
    expect(text($(tree, '#note-tariff-rate .sidenote-fold > p'))).toBe('The rate was set in a fictional 1998 act, with a review clause.');
  });

  test('a note’s Markdown gets the text’s smart punctuation', async () => {
    const tree = parseHtml(
      await renderFixture('tea-tariffs.md', (r) => {
        r.frontmatter.notes[0].gist = 'The board called it "fair".';
        r.frontmatter.notes[0].text = "Growers' lobby won it. It's under 'review'.";
      }),
    );
    expect(text($(tree, '#note-tariff-rate .sidenote-gist'))).toBe('The board called it “fair”.');
    expect(text($(tree, '#note-tariff-rate .sidenote-fold > p'))).toBe('Growers’ lobby won it. It’s under ‘review’.');
  });

  test('a note’s Markdown is read as the text is: GFM and smart punctuation', async () => {
    const tree = parseHtml(
      await renderFixture('tea-tariffs.md', (r) => {
        r.frontmatter.notes[0].text = 'It was ~~high~~ "fair" -- see www.example.org.\n\n| Year | Rate |\n|---|---|\n| 1998 | 12 |';
      }),
    );
    const note = $(tree, '#note-tariff-rate')!;
    expect(text($(note, '.sidenote-gist'))).toBe('It was high “fair” — see www.example.org.');
    expect(text($(note, '.sidenote-gist del'))).toBe('high');
    expect($(note, '.sidenote-gist a[href="http://www.example.org"]')).toBeTruthy();
    expect($$(note, '.sidenote-fold > table td').map(text)).toEqual(['1998', '12']);
  });

  test('a note with no first sentence and no gist is refused, naming the note', async () => {
    const error = await renderFailure('tea-tariffs.md', (r) => (r.frontmatter.notes[1].text = '- a flat fee;\n- a share of value.'));
    expect(error).toContain('notes.1 (harbour): text does not start with a paragraph, so it has no first sentence to show; add a gist');
  });

  test('a prefix picks one of several occurrences', async () => {
    const tree = parseHtml(await renderFixture('tea-tariffs.md'));
    const anchors = $$(tree, '.anchor[data-note="note-harbour"]');
    expect(anchors).toHaveLength(1);
    expect(text($(tree, '#growers-2'))).toMatch(/^They also pay the old harbour duty/);
  });

  test('numbers notes in reading order, footnotes included, and renders footnotes through the same component', async () => {
    const tree = parseHtml(await renderFixture('tea-tariffs.md'));
    const markers = $$(tree, 'a.note-ref').map((a) => [text(a), a.properties.href]);
    expect(markers).toEqual([
      ['1', '#note-tariff-rate'],
      ['2', '#note-harbour'],
      ['3', '#note-fn-estates'],
    ]);
    const footnote = $(tree, 'section#note-fn-estates.sidenote')!;
    expect(text(footnote)).toContain('Estate counts come from a fictional census.');
    // No separate footnotes section is left behind.
    expect($(tree, 'section.footnotes, [data-footnotes]')).toBeUndefined();
  });

  test('ignores typographic quotes, dashes and whitespace when anchoring', async () => {
    const tree = parseHtml(
      await renderFixture('tea-tariffs.md', (r) => {
        r.body = r.body.replace('The tariff of twelve per cent', 'The tariff \u2013 \u201Ctwelve  per\ncent\u201D');
        r.frontmatter.notes[0].quote = '- "twelve per cent"';
      }),
    );
    expect(text($(tree, '#introduction-1'))).toContain('The tariff – “twelve per cent”1');
  });

  test('anchors a quote that spans emphasis or a link, without breaking the markup', async () => {
    const tree = parseHtml(
      await renderFixture('tea-tariffs.md', (r) => {
        r.body = r.body.replace('The tariff of twelve per cent', 'The tariff of *twelve* per [cent](https://example.org/c)');
      }),
    );
    const pieces = $$(tree, '#introduction-1 .anchor[data-note="note-tariff-rate"]').map((span) => hastToString(span));
    expect(pieces).toEqual(['twelve', ' per ', 'cent']);
    // The marker follows the link instead of nesting inside it.
    expect($(tree, '#introduction-1 a[href="https://example.org/c"] a')).toBeUndefined();
    expect(text($(tree, '#introduction-1 a[href="https://example.org/c"] + .note-mark > a.note-ref'))).toBe('1');
  });

  test('puts the punctuation that closes a phrase before its markers, holds them together, and puts the note after them', async () => {
    const tree = parseHtml(
      await renderFixture('tea-tariffs.md', (r) => {
        r.body = r.body.replace('The tariff of twelve per cent has', 'The tariff of twelve per cent, it seems, has');
      }),
    );
    const mark = $(tree, '#introduction-1 .note-mark')!;
    expect(text(mark)).toBe(',11');
    expect($(tree, '#introduction-1 .note-mark + .sidenote#note-tariff-rate')).toBeTruthy();
    expect(runningText($(tree, '#introduction-1'))).toContain('twelve per cent,11 it seems, has');
  });

  describe('refuses notes that do not anchor, naming the note and the file', () => {
    test('a quote not found', async () => {
      const error = await renderFailure('tea-tariffs.md', (r) => (r.frontmatter.notes[0].quote = 'eleven per cent'));
      expect(error).toContain('tests/fixtures/readings/tea-tariffs.md: the text does not fit its frontmatter');
      expect(error).toContain('notes.0 (tariff-rate): quote "eleven per cent" not found in the text');
    });

    test('a quote found more than once without a prefix or suffix to settle it', async () => {
      const error = await renderFailure('tea-tariffs.md', (r) => delete r.frontmatter.notes[1].prefix);
      expect(error).toContain('notes.1 (harbour): quote "harbour duty" found 2 times; add a prefix or suffix that picks one');
    });

    test('every problem at once: a cue and a note', async () => {
      const error = await renderFailure('tea-tariffs.md', (r) => {
        r.frontmatter.conclusion.cue = 'To sum up';
        r.frontmatter.notes[0].quote = 'eleven per cent';
      });
      expect(error).toContain('conclusion.cue');
      expect(error).toContain('notes.0 (tariff-rate)');
    });

    test('a quote in a heading, which cannot hold a note', async () => {
      const error = await renderFailure('tea-tariffs.md', (r) => {
        r.body = r.body.replace('The tariff of twelve per cent', '### A levy on leaves\n\nThe tariff of twelve per cent');
        r.frontmatter.notes[0].quote = 'levy on leaves';
      });
      expect(error).toContain('notes.0 (tariff-rate): its phrase is in a heading; a note comments on running text, so quote a paragraph');
    });

    test('overlapping quotes', async () => {
      const error = await renderFailure(
        'tea-tariffs.md',
        (r) => (r.frontmatter.notes[1] = { ...r.frontmatter.notes[0], id: 'rate-again', quote: 'per cent has' }),
      );
      expect(error).toContain('their quotes overlap');
    });

    test('a footnote defined but never referenced', async () => {
      const error = await renderFailure('tea-tariffs.md', (r) => (r.body += '\n\n[^orphan]: Nobody points here.'));
      expect(error).toContain('footnote [^orphan] is defined but never referenced');
    });
  });
});

describe('the safety stage', () => {
  test('refuses raw HTML in the text or in a note, instead of rendering or dropping it', async () => {
    const inBody = await renderFailure(
      'tea-tariffs.md',
      (r) => (r.body = r.body.replace('In short, it stays.', 'In short, it stays. <script>alert(1)</script>')),
    );
    expect(inBody).toContain('raw HTML is not allowed in a reading, write Markdown instead (line 51)');
    expect(inBody).toContain('<script>');
    const inNote = await renderFailure('tea-tariffs.md', (r) => (r.frontmatter.notes[0].text = 'See <img src=x onerror=alert(1)>'));
    expect(inNote).toContain('(in note-tariff-rate): <img src=x onerror=alert(1)>');
  });

  test('refuses links and images to script URLs, in the text or in a note', async () => {
    const inBody = await renderFailure('tea-tariffs.md', (r) => (r.body = r.body.replace('In short, it stays.', 'In short, it [stays](JavaScript:alert(1)).')));
    expect(inBody).toContain('a link to "JavaScript:alert(1)" is not allowed (line');
    const inNote = await renderFailure('tea-tariffs.md', (r) => (r.frontmatter.notes[0].text = '![x](data:image/png;base64,AAAA)'));
    expect(inNote).toContain('an image to "data:image/png;base64,AAAA" is not allowed (in note-tariff-rate)');
  });
});

describe('notes on text inside lists and blockquotes', () => {
  test('the marker and its note stay inside the quoted paragraph', async () => {
    const tree = parseHtml(
      await renderFixture('tea-tariffs.md', (r) => {
        r.body = r.body
          .replace('They also pay the old harbour duty', '- They also pay the old harbour duty')
          .replace('In short, it stays.', '> In short, it stays at twelve per cent.');
        r.body = r.body.replace('The tariff of twelve per cent', 'The tariff');
      }),
    );
    expect(text($(tree, '#growers-2 li a.note-ref'))).toBe('1');
    expect($(tree, '#growers-2 li > .passage > #note-harbour')).toBeTruthy();
    expect(text($(tree, '#conclusion-1 .passage a.note-ref'))).toBe('3');
    expect($(tree, '#conclusion-1 > a')).toBeUndefined();
  });
});

describe('notes in a full text, the reader’s own copy', () => {
  const full = (change: (r: { frontmatter: Frontmatter; body: string }) => void) => (r: { frontmatter: Frontmatter; body: string }) => {
    r.frontmatter.edition = 'full';
    change(r);
  };

  test('places a note whose words differ a little approximately, and says so quietly in its head', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const tree = parseHtml(
      await renderFixture(
        'tea-tariffs.md',
        full((r) => (r.body = r.body.replace('twelve per cent', 'twelve percent'))),
      ),
    );
    expect(text($(tree, '.anchor[data-note="note-tariff-rate"]'))).toBe('twelve percent');
    expect(text($(tree, '#note-tariff-rate summary .sidenote-head'))).toBe('1 Context placed approximately');
    expect($(tree, '#note-tariff-rate .sidenote-head .sidenote-approximate')).toBeTruthy();
    expect($(tree, '#note-harbour .sidenote-approximate')).toBeUndefined();
    expect(warn.mock.calls.map(([line]) => line)).toEqual([
      'tests/fixtures/readings/tea-tariffs.md: warning: notes.0 (tariff-rate): quote "twelve per cent" placed approximately (score 0.93)',
    ]);
    warn.mockRestore();
  });

  test('lists a note whose words are gone after the text, with its quote, text and sources, and still renders', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const tree = parseHtml(
      await renderFixture(
        'tea-tariffs.md',
        full((r) => (r.body = r.body.replace('twelve per cent', 'a modest rate'))),
      ),
    );
    expect($(tree, '.anchor[data-note="note-tariff-rate"]')).toBeUndefined();
    const block = $(tree, 'section.unplaced-notes')!;
    expect(text($(block, 'h2'))).toBe('Notes that did not find their place in this copy');
    expect(block.properties.ariaLabelledBy).toEqual([$(block, 'h2')!.properties.id]);
    expect(text($(block, 'li#note-tariff-rate .sidenote-head'))).toBe('Context on the words “twelve per cent”');
    expect($(block, 'li#note-tariff-rate a[href="https://example.org/review"]')).toBeTruthy();
    expect($$(block, 'li')).toHaveLength(1);
    // It comes after the text, and the other notes keep their places and their numbers.
    expect($$(tree, '.sidenote').map((note) => note.properties.ariaLabel)).toEqual(['Note 1', 'Note 2']);
    expect($(tree, '#note-harbour')!.properties.ariaLabel).toBe('Note 1');
    expect(warn.mock.calls[0]![0]).toMatch(
      /warning: notes\.0 \(tariff-rate\): quote "twelve per cent" not found in the text; listed after the text as unplaced$/,
    );
    warn.mockRestore();
  });

  test('places a cue whose words differ a little approximately, with a warning', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const tree = parseHtml(
      await renderFixture(
        'tea-tariffs.md',
        full((r) => (r.body = r.body.replace('To begin with the growers', 'To begin with growers'))),
      ),
    );
    expect(runningText($(tree, '#growers-1'))).toMatch(/^To begin with growers, who have built/);
    expect(warn.mock.calls.map(([line]) => line)).toEqual([
      'tests/fixtures/readings/tea-tariffs.md: warning: arguments.0.cue: cue "To begin with the growers" placed approximately (score 0.84)',
    ]);
    warn.mockRestore();
  });

  test('fails on a cue that finds no place, naming it', async () => {
    const failure = await renderFailure(
      'tea-tariffs.md',
      full((r) => (r.body = r.body.replace('In short', 'All told'))),
    );
    expect(failure).toContain('conclusion.cue: cue "In short" not found in this copy, not even approximately; change it to words of this copy');
  });

  test('in the reader’s edition, a note whose words differ a little fails the build as before', async () => {
    const failure = await renderFailure('tea-tariffs.md', (r) => {
      r.body = r.body.replace('twelve per cent', 'twelve percent');
    });
    expect(failure).toContain('notes.0 (tariff-rate): quote "twelve per cent" not found in the text');
  });
});
