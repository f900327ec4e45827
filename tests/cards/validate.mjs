// Parses Adaptive Cards with the official renderer library and reports every parse or validation event.
// Usage: node tests/cards/validate.mjs cards.json   (cards.json: [{ "name": "...", "card": { ... } }, ...])
// Prints a JSON array of { name, problems: [..] } and exits 1 when any card has a problem.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
// The package's "main" is an ES build with extension-less imports that node cannot load; the UMD bundle works without a DOM.
const AC = require("adaptivecards/dist/adaptivecards.js");

const input = JSON.parse(readFileSync(process.argv[2], "utf8"));
const results = input.map(({ name, card }) => {
  const problems = [];
  const context = new AC.SerializationContext();
  context.targetVersion = AC.Versions.v1_5;
  const parsed = new AC.AdaptiveCard();
  parsed.parse(card, context);
  for (let i = 0; i < context.eventCount; i++) {
    const e = context.getEventAt(i);
    problems.push(`parse ${AC.ValidationEvent[e.event]}: ${e.message}`);
  }
  const validation = parsed.validateProperties();
  for (const e of validation.validationEvents) {
    problems.push(`validate ${AC.ValidationEvent[e.event]}: ${e.message}`);
  }
  if (card.version !== "1.5") {
    problems.push(`version ${card.version} is not 1.5`);
  }
  return { name, problems };
});

process.stdout.write(JSON.stringify(results));
process.exit(results.some((r) => r.problems.length > 0) ? 1 : 0);
