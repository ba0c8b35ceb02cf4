// Front-matter checks while typing, for VS Code's remark extension (unifiedjs.vscode-remark)
// and for `npm run check-front-matter`. Each Markdown file of the repertoire is validated against
// the JSON Schema of its kind. The schemas and the list of files each applies to are written
// to schemas/ by `make schemas`, from the same field declarations as `repertoire check`, which
// stays the authority (it also knows which ids exist and reads YAML the way the site does).
//
// Only front matter is checked: no style rules. The extension changes a file only when someone
// asks it to format one.

import { readFileSync } from 'node:fs';

import remarkFrontmatter from 'remark-frontmatter';
import remarkLintFrontmatterSchema from 'remark-lint-frontmatter-schema';
import { LineCounter, parseDocument } from 'yaml';

const SCHEMAS_FOLDER = 'schemas';
const RULE_ID = 'frontmatter-schema';
// Keywords that may fail several times on one mapping, each naming a different field.
const PER_FIELD_KEYWORDS = new Set(['required', 'additionalProperties']);
// When one value breaks several rules, the one worth reading first: a number where text
// belongs is that, not also "contains a control character".
const KEYWORD_RANK = { type: 0, anyOf: 1, not: 3 };
const OTHER_RANK = 2;
// JSON types in the words of the contract.
const TYPE_WORDS = {
  string: 'text',
  array: 'a list',
  object: 'a mapping of `name: value` lines',
  boolean: 'true or false',
  integer: 'a whole number',
  number: 'a number',
};

/** The rule's option: schema path → globs of Markdown files, both relative to this folder. */
function schemaAssociations() {
  const generated = new URL(`./${SCHEMAS_FOLDER}/markdown-files.json`, import.meta.url);
  const globsBySchema = JSON.parse(readFileSync(generated, 'utf8'));
  return Object.fromEntries(
    Object.entries(globsBySchema).map(([name, globs]) => [`${SCHEMAS_FOLDER}/${name}`, globs]),
  );
}

/** The keys of a JSON pointer such as `/links/0/url`, numbers as numbers. */
function pointerKeys(pointer) {
  return pointer
    .split('/')
    .slice(1)
    .map((part) => part.replaceAll('~1', '/').replaceAll('~0', '~'))
    .map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

/** `links[0].url` for `/links/0/url`; empty for the whole front matter. */
function fieldLabel(pointer) {
  return pointerKeys(pointer)
    .map((key, index) => (typeof key === 'number' ? `[${key}]` : index ? `.${key}` : key))
    .join('');
}

/** What is wrong, naming the field. */
function describe(error) {
  const field = fieldLabel(error.instancePath);
  const where = field ? ` in \`${field}\`` : '';
  const subject = field ? `\`${field}\`` : 'The front matter';
  switch (error.keyword) {
    case 'required':
      return `Missing required field \`${error.params.missingProperty}\`${where}`;
    case 'additionalProperties':
      return `Unknown field \`${error.params.additionalProperty}\`${where}`;
    case 'anyOf':
      return `${subject} is not written in an accepted form`;
    case 'not':
      // The only `not` the generated schemas use keeps control characters out of text.
      return `${subject} contains an invisible control character`;
    case 'type':
      return `${subject} must be ${TYPE_WORDS[error.params.type] ?? error.params.type}`;
    case 'enum':
      return `${subject} must be one of: ${error.params.allowedValues
        .map((value) => `\`${value}\``)
        .join(', ')}`;
    default:
      return `${subject} ${error.message}`;
  }
}

/**
 * Shown under the message in VS Code, instead of the rule's note on schema internals: the
 * fields allowed where an unknown one was found, or the field's description (such as the date
 * format it takes).
 */
function hint(error) {
  const schema = error.parentSchema ?? {};
  if (error.keyword === 'additionalProperties') {
    return `Fields allowed here: ${Object.keys(schema.properties ?? {}).join(', ')}`;
  }
  return error.keyword === 'required' ? undefined : schema.description;
}

/** A unist position in the file for the character range [from, to) of the front matter. */
function placeOf(range, lines, frontMatter) {
  const offset = frontMatter.position.start.line; // the opening `---`
  const point = (index) => {
    const { line, col } = lines.linePos(index);
    return { line: line + offset, column: col };
  };
  return { start: point(range[0]), end: point(range[1]) };
}

/** Where an unknown key sits: the key itself, not the whole mapping around it. */
function keyPlace(error, document, lines, frontMatter) {
  const mapping = document.getIn(pointerKeys(error.instancePath), true) ?? document.contents;
  const pair = mapping?.items?.find((item) => item.key?.value === error.params.additionalProperty);
  return pair?.key?.range ? placeOf(pair.key.range, lines, frontMatter) : undefined;
}

function setPlace(message, place) {
  // The rule fills in the older `position`; newer readers look at `place`.
  message.place = place;
  message.position = place;
  message.line = place?.start.line;
  message.column = place?.start.column;
}

/** The opening `---`: where a problem with the whole front matter is marked. */
function fencePlace(frontMatter) {
  const { start } = frontMatter.position;
  return { start, end: { line: start.line, column: start.column + 3 } };
}

/**
 * The rule's messages worth reading: one per value (the most telling of the rules it breaks),
 * none for the branches of an `anyOf`, and every missing or unknown field.
 */
function messagesToKeep(ours) {
  const alternatives = ours.map((message) => message.schema).filter((e) => e.keyword === 'anyOf');
  const isOneAlternative = (error) =>
    alternatives.some(
      (anyOf) =>
        anyOf.instancePath === error.instancePath &&
        error.schemaPath.startsWith(`${anyOf.schemaPath}/`),
    );
  const rank = (message) => KEYWORD_RANK[message.schema.keyword] ?? OTHER_RANK;
  const kept = new Set();
  const bestByValue = new Map();
  for (const message of ours) {
    const error = message.schema;
    if (isOneAlternative(error)) continue;
    if (PER_FIELD_KEYWORDS.has(error.keyword)) {
      kept.add(message);
      continue;
    }
    const best = bestByValue.get(error.instancePath);
    if (!best || rank(message) < rank(best)) bestByValue.set(error.instancePath, message);
  }
  bestByValue.forEach((message) => kept.add(message));
  return kept;
}

/** Replaces the rule's guesses about a half-read mapping with the YAML error itself. */
function reportSyntaxError(file, syntaxError, lines, frontMatter) {
  const reason = syntaxError.message.split(' at line ')[0];
  const message = file.message(`The front matter is not valid YAML: ${reason}`);
  Object.assign(message, { ruleId: RULE_ID, source: 'repertoire', fatal: true });
  setPlace(message, placeOf(syntaxError.pos, lines, frontMatter));
}

/**
 * Makes the schema rule's messages read like `repertoire check`: each names its field, an
 * unknown field is marked on its key, and one value gets one message (a date that is neither a
 * year nor YYYY-MM-DD is one problem, not four). Front matter that is not valid YAML gets that
 * one message instead.
 */
function remarkNameFrontMatterFields() {
  return (tree, file) => {
    const frontMatter = tree.children.find((node) => node.type === 'yaml');
    if (!frontMatter) return;
    const ours = file.messages.filter((message) => message.ruleId === RULE_ID && message.schema);
    const drop = (message) => file.messages.splice(file.messages.indexOf(message), 1);
    const lines = new LineCounter();
    const document = parseDocument(frontMatter.value, { lineCounter: lines });
    if (document.errors.length) {
      ours.forEach(drop);
      reportSyntaxError(file, document.errors[0], lines, frontMatter);
      return;
    }
    const kept = messagesToKeep(ours);
    for (const message of ours) {
      if (!kept.has(message)) {
        drop(message);
        continue;
      }
      const error = message.schema;
      message.reason = describe(error);
      message.message = message.reason;
      message.note = hint(error);
      const unknownKey =
        error.keyword === 'additionalProperties'
          ? keyPlace(error, document, lines, frontMatter)
          : undefined;
      setPlace(message, unknownKey ?? message.position ?? fencePlace(frontMatter));
    }
  };
}

export default {
  plugins: [
    remarkFrontmatter,
    [
      remarkLintFrontmatterSchema,
      [
        // A value the schema rejects fails `repertoire check` too: show it as an error.
        'error',
        {
          schemas: schemaAssociations(),
          ajvOptions: {
            // The rule's Ajv speaks draft-07 and has no copy of the draft 2020-12 meta-schema
            // the documents name. The keywords they use mean the same in both drafts, and the
            // Python tests validate every document against 2020-12, so that check is skipped.
            validateSchema: false,
            // Hands each error the schema that failed, for its description.
            verbose: true,
          },
        },
      ],
    ],
    remarkNameFrontMatterFields,
  ],
};
