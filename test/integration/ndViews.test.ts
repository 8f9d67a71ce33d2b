// The n-D views' host side in the real extension host: the panel's `requestLandscape` with the path-principal
// plane and `requestLineSearch`, answered through the envelope and handlers the panel host uses, checked by hand on
// a 3-parameter quadratic L = x² + 2y² + 4z² (Hessian H = diag(2, 4, 8)).
import * as assert from 'node:assert/strict';
import { compileLoss } from '../../src/engine/compileLoss';
import { SessionController } from '../../src/extension/session/sessionController';
import { RequestError } from '../../src/shared/endpoint';
import { assertClose } from './helpers';
import { connectPanel } from './panelEndpoints';

const bowl = 'export function loss(x = 1, y = 1, z = 1) {\n\treturn x * x + 2 * y * y + 4 * z * z;\n}\n';
const h = [2, 4, 8];

function controller(lr: number): SessionController {
	const loss = compileLoss(bowl, { language: 'typescript' });
	return new SessionController(loss, { uri: 'untitled:q.ts', fileName: 'q.ts', line: 1 }, { optimizer: 'sgd', optimizerOptions: { lr } });
}

const dot = (a: readonly number[], b: readonly number[]) => a.reduce((s, x, i) => s + x * b[i]!, 0);

suite('n-D views', () => {
	test('the slice along the path’s principal directions: orthonormal, through the current point, values on the plane', async () => {
		const c = controller(0.05);
		c.step(6);
		const request = { type: 'requestLandscape', range: { xMin: -1, xMax: 1, yMin: -0.5, yMax: 0.5 }, axes: [0, 1], nx: 5, ny: 3, plane: { kind: 'pathPrincipal' } } as const;
		const landscape = await connectPanel({ controller: c }).panel.request(request).reply;
		const plane = landscape.plane!;
		assert.deepEqual(plane.kinds, ['principal', 'principal']);
		assertClose(dot(plane.u, plane.u), 1, '|u|', 1e-12);
		assertClose(dot(plane.u, plane.v), 0, 'u·v', 1e-12);
		assert.deepEqual(plane.origin, Array.from(c.session.snapshot().x));
		assert.ok(plane.explained[0] > 0.9 && plane.explained[0] + plane.explained[1] <= 1 + 1e-12, String(plane.explained));
		// Cell (column 4, row 2) is a = 1, b = 0.5.
		const point = plane.origin.map((o, i) => o + 1 * plane.u[i]! + 0.5 * plane.v[i]!);
		assertClose(landscape.values[2 * 5 + 4]!, dot(point.map((x, i) => h[i]! / 2 * x), point), 'L on the plane', 1e-12);
	});

	test('the line search along −∇L: α* = gᵀg / gᵀHg by hand, the step at α = lr, the verdict', async () => {
		for (const [lr, verdict] of [[0.3, 'tooLong'], [0.01, 'tooShort'], [0.1, 'aboutRight']] as const) {
			const c = controller(lr);
			const info = await connectPanel({ controller: c }).panel.request({ type: 'requestLineSearch' }).reply;
			const g = [2, 4, 8];
			const alphaStar = dot(g, g) / dot(g, g.map((x, i) => h[i]! * x));
			assertClose(info.minimum!.alpha, alphaStar, `α* (lr ${lr})`, 1e-7);
			assertClose(info.stepAlpha, lr, `step α (lr ${lr})`, 1e-12);
			assertClose(info.stepAngle, 0, 'SGD steps along −∇L', 1e-6);
			assert.equal(info.verdict, verdict, `lr ${lr}: ratio ${info.ratio}`);
			assert.equal(info.loss, 7);
		}
	});

	test('Adam’s step is off −∇L: its projection and angle are reported', async () => {
		const loss = compileLoss(bowl, { language: 'typescript' });
		const c = new SessionController(loss, { uri: 'untitled:q.ts', fileName: 'q.ts', line: 1 }, { optimizer: 'adam', optimizerOptions: { lr: 0.1 } });
		const info = await connectPanel({ controller: c }).panel.request({ type: 'requestLineSearch' }).reply;
		// Adam's first step is −lr·sign(g) = −0.1·(1, 1, 1): α = 0.1·Σg / gᵀg, angle = acos(Σg / (√3·|g|)).
		const g = [2, 4, 8];
		assertClose(info.stepAlpha, (0.1 * 14) / dot(g, g), 'projection', 1e-6);
		assertClose(info.stepAngle, (Math.acos(14 / (Math.sqrt(3) * Math.sqrt(dot(g, g)))) * 180) / Math.PI, 'angle', 1e-4);
	});

	test('a plane given by vectors is sliced as given, and vectors that do not fit the loss get an error reply', async () => {
		const c = controller(0.05);
		const range = { xMin: -1, xMax: 1, yMin: -1, yMax: 1 };
		const plane = { kind: 'vectors', origin: [0, 0, 0], u: [1, 0, 0], v: [0, 0, 1] } as const;
		const { panel } = connectPanel({ controller: c });
		const landscape = await panel.request({ type: 'requestLandscape', range, axes: [0, 1], nx: 3, ny: 3, plane }).reply;
		// L(a·e_x + b·e_z) = a² + 4b² at the corners, edge midpoints and centre of [-1, 1]².
		assert.deepEqual(Array.from(landscape.values), [5, 4, 5, 1, 0, 1, 5, 4, 5]);
		const short = panel.request({ type: 'requestLandscape', range, axes: [0, 1], nx: 3, ny: 3, plane: { kind: 'vectors', origin: [0, 0], u: [1, 0], v: [0, 1] } }).reply;
		await assert.rejects(short, RequestError);
	});
});
