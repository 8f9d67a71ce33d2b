/**
 * Round trip: random trees printed to text (with random spellings and redundant parentheses), parsed and evaluated,
 * equal a direct evaluation of the tree; the names found equal the tree's variables.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isAssignment } from '../../../src/engine/expression/expression';
import { evaluateExpression } from '../../../src/engine/expression/evaluateExpression';
import { expressionNames } from '../../../src/engine/expression/expressionNames';
import { parseExpression } from '../../../src/engine/expression/parseExpression';
import { lookupFrom } from './helpers';
import { printTree, referenceNames, referenceValue, seededRandom, treeArbitrary, variables } from './expressionTrees';

const lookup = lookupFrom(variables);
const targets = Object.keys(variables);

describe('printed trees', () => {
	it('parse and evaluate to the value of the tree', () => {
		fc.assert(
			fc.property(treeArbitrary, fc.integer(), (tree, seed) => {
				const text = printTree(tree, seededRandom(seed));
				const actual = evaluateExpression(parseExpression(text), lookup);
				const expected = referenceValue(tree);
				expect(Object.is(actual, expected), `${text}: got ${actual}, expected ${expected}`).toBe(true);
			}),
			{ numRuns: 2000 },
		);
	});

	it('read exactly the variables of the tree', () => {
		fc.assert(
			fc.property(treeArbitrary, fc.integer(), (tree, seed) => {
				const text = printTree(tree, seededRandom(seed));
				expect(new Set(expressionNames(parseExpression(text)))).toEqual(referenceNames(tree));
			}),
			{ numRuns: 1000 },
		);
	});

	it('work as the right-hand side of an assignment', () => {
		fc.assert(
			fc.property(treeArbitrary, fc.integer(), fc.constantFrom(...targets), (tree, seed, target) => {
				const expr = parseExpression(`${target} = ${printTree(tree, seededRandom(seed))}`);
				expect(isAssignment(expr) && expr.target).toBe(target);
				expect(Object.is(evaluateExpression(expr, lookup), referenceValue(tree))).toBe(true);
			}),
			{ numRuns: 500 },
		);
	});
});
