// The n-D views' host side in the real extension host: the panel's `requestLandscape` with the path-principal
// plane and `requestLineSearch`, answered through the same handler the panel uses, with numbers checked by hand on
// a 3-parameter quadratic L = x² + 2y² + 4z² (Hessian H = diag(2, 4, 8)).
import * as assert from 'node:assert/strict';
import { compileLoss } from '../../src/engine/compileLoss';
import { handlePanelMessage, type PanelMessageContext } from '../../src/extension/panel/panelMessages';
import { SessionController } from '../../src/extension/session/sessionController';
import type { Landscape, LineSearchInfo, ToWebviewMessage } from '../../src/shared/messages';
import { validateFromWebview } from '../../src/shared/validateMessage';
import { assertClose } from './helpers';

const bowl = 'export function loss(x = 1, y = 1, z = 1) {\n\treturn x * x + 2 * y * y + 4 * z * z;\n}\n';
const h = [2, 4, 8];

function controller(lr: number): SessionController {
	const loss = compileLoss(bowl, { language: 'typescript' });
	return new SessionController(loss, { uri: 'untitled:q.ts', fileName: 'q.ts', line: 1 }, { optimizer: 'sgd', optimizerOptions: { lr } });
}

/** Posts `message` (validated, as the panel host does) and returns what the host answered. */
function ask(c: SessionController, message: unknown): ToWebviewMessage[] {
	const posted: ToWebviewMessage[] = [];
	const context = { controller: c, post: (m: ToWebviewMessage) => posted.push(m) } as unknown as PanelMessageContext;
	const valid = validateFromWebview(message);
	assert.ok(valid, `valid: ${JSON.stringify(message)}`);
	handlePanelMessage(valid, context);
	return posted;
}

const dot = (a: readonly number[], b: readonly number[]) => a.reduce((s, x, i) => s + x * b[i]!, 0);

suite('n-D views', () => {
	test('the slice along the path’s principal directions: orthonormal, through the current point, values on the plane', () => {
		const c = controller(0.05);
		c.step(6);
		const answer = ask(c, { type: 'requestLandscape', requestId: 7, range: { xMin: -1, xMax: 1, yMin: -0.5, yMax: 0.5 }, axes: [0, 1], nx: 5, ny: 3, plane: { kind: 'pathPrincipal' } });
		const landscape = (answer[0] as { landscape: Landscape }).landscape;
		const plane = landscape.plane!;
		assert.equal(landscape.requestId, 7);
		assert.deepEqual(plane.kinds, ['principal', 'principal']);
		assertClose(dot(plane.u, plane.u), 1, '|u|', 1e-12);
		assertClose(dot(plane.u, plane.v), 0, 'u·v', 1e-12);
		assert.deepEqual(plane.origin, Array.from(c.session.snapshot().x));
		assert.ok(plane.explained[0] > 0.9 && plane.explained[0] + plane.explained[1] <= 1 + 1e-12, String(plane.explained));
		// Cell (column 4, row 2) is a = 1, b = 0.5.
		const point = plane.origin.map((o, i) => o + 1 * plane.u[i]! + 0.5 * plane.v[i]!);
		assertClose(landscape.values[2 * 5 + 4]!, dot(point.map((x, i) => h[i]! / 2 * x), point), 'L on the plane', 1e-12);
	});

	test('the line search along −∇L: α* = gᵀg / gᵀHg by hand, the step at α = lr, the verdict', () => {
		for (const [lr, verdict] of [[0.3, 'tooLong'], [0.01, 'tooShort'], [0.1, 'aboutRight']] as const) {
			const c = controller(lr);
			const info = (ask(c, { type: 'requestLineSearch', requestId: 3 })[0] as { lineSearch: LineSearchInfo }).lineSearch;
			const g = [2, 4, 8];
			const alphaStar = dot(g, g) / dot(g, g.map((x, i) => h[i]! * x));
			assertClose(info.minimum!.alpha, alphaStar, `α* (lr ${lr})`, 1e-7);
			assertClose(info.stepAlpha, lr, `step α (lr ${lr})`, 1e-12);
			assertClose(info.stepAngle, 0, 'SGD steps along −∇L', 1e-6);
			assert.equal(info.verdict, verdict, `lr ${lr}: ratio ${info.ratio}`);
			assert.equal(info.loss, 7);
		}
	});

	test('Adam’s step is off −∇L: its projection and angle are reported', () => {
		const loss = compileLoss(bowl, { language: 'typescript' });
		const c = new SessionController(loss, { uri: 'untitled:q.ts', fileName: 'q.ts', line: 1 }, { optimizer: 'adam', optimizerOptions: { lr: 0.1 } });
		const info = (ask(c, { type: 'requestLineSearch', requestId: 4 })[0] as { lineSearch: LineSearchInfo }).lineSearch;
		// Adam's first step is −lr·sign(g) = −0.1·(1, 1, 1): α = 0.1·Σg / gᵀg, angle = acos(Σg / (√3·|g|)).
		const g = [2, 4, 8];
		assertClose(info.stepAlpha, (0.1 * 14) / dot(g, g), 'projection', 1e-6);
		assertClose(info.stepAngle, (Math.acos(14 / (Math.sqrt(3) * Math.sqrt(dot(g, g)))) * 180) / Math.PI, 'angle', 1e-4);
	});

	test('a plane given by vectors is sliced as given, and vectors that do not fit the loss get no answer', () => {
		const c = controller(0.05);
		const range = { xMin: -1, xMax: 1, yMin: -1, yMax: 1 };
		const plane = { kind: 'vectors', origin: [0, 0, 0], u: [1, 0, 0], v: [0, 0, 1] };
		const answer = ask(c, { type: 'requestLandscape', requestId: 3, range, axes: [0, 1], nx: 3, ny: 3, plane });
		const landscape = (answer[0] as { landscape: Landscape }).landscape;
		// L(a·e_x + b·e_z) = a² + 4b² at the corners, edge midpoints and centre of [-1, 1]².
		assert.deepEqual(Array.from(landscape.values), [5, 4, 5, 1, 0, 1, 5, 4, 5]);
		const short = ask(c, { type: 'requestLandscape', requestId: 4, range, axes: [0, 1], nx: 3, ny: 3, plane: { kind: 'vectors', origin: [0, 0], u: [1, 0], v: [0, 1] } });
		assert.deepEqual(short, []);
	});
});
