// A stand-in for the extension host, for the webview bench and its screenshots: stubs `acquireVsCodeApi`, runs
// plain gradient descent on a few classic losses in plain JS, and answers the panel the way the real host does, in
// the shared envelope (src/shared/envelope.ts): init after ready, updates after commands, replies to requests.
// Loaded before dist/webview.js with the page's nonce. Scenario and options come from <body data-scenario="…">.
(() => {
	'use strict';
	const losses = {
		curve: { name: 'y = (x - 1)^2 + 1', fileName: 'study-note.md', params: ['x'], start: [-2], lr: 0.1, f: ([x]) => (x - 1) ** 2 + 1, g: ([x]) => [2 * (x - 1)] },
		diverge: { name: 'y = (x - 1)^2 + 1', fileName: 'study-note.md', params: ['x'], start: [0.5], lr: 1.05, f: ([x]) => (x - 1) ** 2 + 1, g: ([x]) => [2 * (x - 1)] },
		rosenbrock: {
			name: 'rosenbrock', fileName: 'rosenbrock.ts', params: ['x', 'y'], start: [-1.5, 2], lr: 0.001,
			f: ([x, y]) => (1 - x) ** 2 + 100 * (y - x * x) ** 2,
			g: ([x, y]) => [-2 * (1 - x) - 400 * x * (y - x * x), 200 * (y - x * x)],
		},
		himmelblau: {
			name: 'himmelblau', fileName: 'himmelblau.py', params: ['x', 'y'], start: [-0.5, -0.3], lr: 0.01,
			f: ([x, y]) => (x * x + y - 11) ** 2 + (x + y * y - 7) ** 2,
			g: ([x, y]) => [4 * x * (x * x + y - 11) + 2 * (x + y * y - 7), 2 * (x * x + y - 11) + 4 * y * (x + y * y - 7)],
		},
		regression: regressionLoss(),
		wide: {
			name: 'spread', fileName: 'spread.ts', params: ['w[0]', 'w[1]', 'w[2]', 'w[3]', 'w[4]', 'w[5]', 'w[6]', 'b'], start: [0, 0, 0, 0, 0, 0, 0, 0], lr: 0.05,
			f: (w) => w.reduce((s, v, i) => s + (i + 1) * (v - (i - 3) / 2) ** 2, 0),
			g: (w) => w.map((v, i) => 2 * (i + 1) * (v - (i - 3) / 2)),
		},
	};
	losses.stream = losses.rosenbrock;

	/** Mean squared error of a 4-feature linear model with bias over 32 fixed samples. */
	function regressionLoss() {
		const truth = [1.5, -2, 0.5, 3, -1];
		const data = [];
		for (let i = 0; i < 32; i++) {
			const x = [Math.sin(i), Math.cos(1.3 * i), ((i % 7) - 3) / 3, Math.sin(0.7 * i + 1)];
			data.push({ x, y: x.reduce((s, v, j) => s + v * truth[j], truth[4]) + 0.05 * Math.sin(5 * i) });
		}
		const residuals = (w) => data.map(({ x, y }) => x.reduce((s, v, j) => s + v * w[j], w[4]) - y);
		return {
			name: 'mse', fileName: 'regression.py', params: ['w[0]', 'w[1]', 'w[2]', 'w[3]', 'b'], start: [0, 0, 0, 0, 0], lr: 0.05,
			f: (w) => residuals(w).reduce((s, r) => s + r * r, 0) / data.length,
			sampleCount: data.length,
			g: (w, ids = data.map((_, i) => i)) => {
				const r = residuals(w);
				const grad = [0, 0, 0, 0, 0];
				ids.forEach((i) => { data[i].x.forEach((v, j) => (grad[j] += (2 * r[i] * v) / ids.length)); grad[4] += (2 * r[i]) / ids.length; });
				return grad;
			},
		};
	}

	const body = document.body;
	const scenario = body.dataset.scenario || 'rosenbrock';
	const loss = losses[scenario];
	const d = loss.params.length;
	const optimizers = ['sgd', 'adam', 'adamw', 'rmsprop', 'adagrad'].map((name) => ({ name, defaults: name === 'sgd' ? { lr: 0.001, momentum: 0 } : { lr: 0.001, betas: [0.9, 0.999], eps: 1e-8 } }));
	const s = { lr: loss.lr, optimizer: 'sgd', speed: 30, start: [...loss.start], points: [], losses: [], norms: [], position: 0, running: false, timer: 0, stop: { kind: 'entry', message: 'Ready at the start point.' } };
	let viewState;

	const norm = (g) => Math.hypot(...g);
	const pointAt = (k) => s.points.slice(k * d, k * d + d);
	function record(x) {
		const g = loss.g(x);
		s.points.push(...x);
		s.losses.push(loss.f(x));
		s.norms.push(norm(g));
	}
	function reset() {
		s.points = []; s.losses = []; s.norms = []; s.position = 0;
		record(s.start);
	}
	/** One update from the current point; drops the future after a step back. Returns false on divergence. */
	function advance() {
		const keep = s.position + 1;
		s.points.length = keep * d; s.losses.length = keep; s.norms.length = keep;
		const x = pointAt(s.position);
		const g = loss.g(x);
		const next = x.map((v, i) => v - s.lr * g[i]);
		record(next);
		s.position++;
		return Number.isFinite(s.losses[s.position]) && s.losses[s.position] < 1e6;
	}
	function current() {
		const x = pointAt(s.position);
		const g = loss.g(x);
		const next = x.map((v, i) => v - s.lr * g[i]);
		return {
			step: s.position, historyLength: s.losses.length, x, loss: s.losses[s.position], gradient: g, gradientNorm: norm(g),
			learningRate: s.lr, next, nextLoss: loss.f(next), optimizerState: { step: s.position, buffers: {} },
			update: updateRule(x, g),
		};
	}
	/** Plain SGD's next update written out, as the host's explainUpdate sends it. */
	function updateRule(x, g) {
		const delta = g.map((v) => -s.lr * v);
		return {
			kind: 'sgd', optimizer: 'sgd', learningRate: s.lr, constants: { weightDecay: 0, t: s.position + 1 },
			rows: x.slice(0, 6).map((w, i) => ({ index: i, w, g: g[i], terms: {}, next: w + delta[i] })),
			size: d, stepNorm: Math.hypot(...delta), largestChange: Math.max(...delta.map(Math.abs)),
		};
	}
	const settings = () => ({ optimizer: s.optimizer, options: { lr: s.lr }, schedule: 'constant', batchSize: 0, stepsPerSecond: s.speed, colorMap: body.dataset.colormap || 'viridis', layout: s.layout || 'auto' });
	const trajectory = (from) => ({
		points: Float64Array.from(s.points.slice(from * d)), losses: Float64Array.from(s.losses.slice(from)), gradientNorms: Float64Array.from(s.norms.slice(from)),
	});
	const send = (body) => window.postMessage({ kind: 'notice', body }, '*');
	const reply = (id, body, final = true) => window.postMessage({ kind: 'reply', inReplyTo: id, final, body }, '*');
	let nextRequest = 1000;
	/** Asks the panel (requestImage); its answer lands in `received` as `{ type: 'reply', inReplyTo, body }`. */
	const ask = (body, messageId = nextRequest++) => window.postMessage({ kind: 'request', messageId, body }, '*');
	const sendInit = () => {
		send({
			type: 'init',
			snapshot: { loss: { name: loss.name, language: 'math', params: loss.params, start: s.start, fileName: loss.fileName, sampleCount: loss.sampleCount || 0 }, settings: settings(), current: current(), trajectory: trajectory(0), stop: s.stop, optimizers, running: s.running, strings: {} },
		});
		if (runs.length > 0) sendRuns(true);
	};
	const sendUpdate = (from) => {
		send({ type: 'update', from, appended: trajectory(from), current: current(), stop: s.stop, running: s.running, settings: settings(), ...(s.hint ? { hint: s.hint } : {}) });
		sendRuns(false);
	};

	function steps(n) {
		const from = s.position + 1;
		for (let i = 0; i < n; i++) {
			if (!advance()) {
				s.stop = { kind: 'diverged', message: `Diverged at step ${s.position}: the loss grew for 3 steps in a row (learning rate ${s.lr}).`, suggestedLearningRate: 0.5 };
				return sendUpdate(from);
			}
		}
		s.stop = { kind: n === 1 ? 'step' : 'steps', message: n === 1 ? `Stopped after step ${s.position}.` : `Stopped after ${n} steps.` };
		sendUpdate(from);
	}

	/** A plane slice: the fake's "principal directions" are the first two axes, with made-up variance shares. */
	function planeLandscape(m, id) {
		const origin = pointAt(s.position);
		const u = origin.map((_, i) => (i === 0 ? 1 : 0));
		const v = origin.map((_, i) => (i === 1 ? 1 : 0));
		const nx = 120, ny = 120;
		const values = new Float64Array(nx * ny);
		for (let r = 0; r < ny; r++) {
			for (let c = 0; c < nx; c++) {
				const a = m.range.xMin + (c * (m.range.xMax - m.range.xMin)) / (nx - 1);
				const b = m.range.yMin + (r * (m.range.yMax - m.range.yMin)) / (ny - 1);
				values[r * nx + c] = loss.f(origin.map((o, i) => o + a * u[i] + b * v[i]));
			}
		}
		window.__fakeHost.landscapes++;
		const plane = { origin, u, v, explained: [0.8, 0.15], kinds: ['principal', 'principal'], step: s.position };
		reply(id, { kind: 'grid', range: m.range, axes: [-1, -1], nx, ny, values, plane });
	}

	/** The loss along −∇L for α up to 3·lr, the step at α = lr (plain SGD), the lowest sample as the line minimum. */
	function lineSearch(id) {
		const x = pointAt(s.position);
		const g = loss.g(x);
		const alphaMax = 3 * s.lr;
		const values = Array.from({ length: 101 }, (_, i) => loss.f(x.map((xi, j) => xi - ((i * alphaMax) / 100) * g[j])));
		let best = 0;
		values.forEach((v, i) => { if (v < values[best]) best = i; });
		const minimum = { alpha: (best * alphaMax) / 100, loss: values[best] };
		const ratio = s.lr / minimum.alpha;
		const verdict = ratio > 1.5 ? 'tooLong' : ratio < 0.5 ? 'tooShort' : 'aboutRight';
		const stepLoss = loss.f(x.map((xi, j) => xi - s.lr * g[j]));
		reply(id, { step: s.position, optimizer: s.optimizer, learningRate: s.lr, alphaMax, values, loss: values[0], stepAlpha: s.lr, stepLineLoss: stepLoss, stepLoss, stepAngle: 0, minimum, ratio, verdict });
	}

	function landscape(m, id) {
		// data-slow-map="140": the host found the loss too slow to draw (140 ms per evaluation).
		if (body.dataset.slowMap) {
			window.__fakeHost.landscapes++;
			const kind = m.axes[1] >= 0 || m.plane ? 'grid' : 'curve';
			return reply(id, { kind, range: m.range, axes: m.axes, nx: 0, ny: 0, values: new Float64Array(0), tooSlow: { msPerEvaluation: Number(body.dataset.slowMap) } });
		}
		if (m.plane) return planeLandscape(m, id);
		const grid = m.axes[1] >= 0;
		const nx = grid ? 200 : m.nx;
		const ny = grid ? 200 : 1;
		const values = new Float64Array(nx * ny);
		const x = pointAt(s.position);
		for (let r = 0; r < ny; r++) {
			if (grid) x[m.axes[1]] = m.range.yMin + (r * (m.range.yMax - m.range.yMin)) / (ny - 1);
			for (let c = 0; c < nx; c++) {
				x[m.axes[0]] = m.range.xMin + (c * (m.range.xMax - m.range.xMin)) / (nx - 1);
				values[r * nx + c] = loss.f(x);
			}
		}
		window.__fakeHost.landscapes++;
		reply(id, { kind: grid ? 'grid' : 'curve', range: m.range, axes: m.axes, nx, ny, values });
	}

	function command(c) {
		if (c === 'step') steps(1);
		else if (c === 'stepMany') steps(10);
		else if (c === 'stepBack') { s.position = Math.max(0, s.position - 1); s.stop = { kind: 'step', message: `Back at step ${s.position}.` }; sendUpdate(s.losses.length); }
		else if (c === 'restart') { reset(); s.stop = { kind: 'entry', message: 'Restarted.' }; sendInit(); }
		else if (c === 'continue') run();
		else if (c === 'pause') { clearInterval(s.timer); s.running = false; s.stop = { kind: 'paused', message: `Paused at step ${s.position}.` }; sendUpdate(s.losses.length); }
	}

	function run() {
		s.running = true;
		const perTick = Math.max(1, Math.round((s.speed || 600) / 30));
		s.timer = setInterval(() => {
			const from = s.position + 1;
			for (let i = 0; i < perTick; i++) advance();
			sendUpdate(from);
		}, 33);
	}

	/** Plain gradient descent from `x0` for `n` steps (restarts and basins). */
	function descend(x0, n) {
		let x = [...x0];
		for (let i = 0; i < n; i++) {
			const g = loss.g(x);
			x = x.map((v, j) => v - s.lr * g[j]);
			if (!x.every(Number.isFinite) || Math.hypot(...g) < 1e-6) break;
		}
		return x;
	}
	/** Greedy clustering of end points into minima, best first, the way the engine labels them. */
	function minimaOf(ends) {
		const clusters = [];
		const labels = ends.map((e) => {
			if (!e.every(Number.isFinite) || !Number.isFinite(loss.f(e))) return -1;
			let k = clusters.findIndex((c) => Math.hypot(...c.x.map((v, j) => v - e[j])) < 0.05);
			if (k < 0) k = clusters.push({ x: e, loss: loss.f(e), count: 0 }) - 1;
			clusters[k].count++;
			return k;
		});
		const order = clusters.map((_, i) => i).sort((a, b) => clusters[a].loss - clusters[b].loss);
		const best = clusters[order[0]]?.loss ?? 0;
		const minima = order.map((i) => ({ ...clusters[i], kind: clusters[i].loss <= best + 1e-6 ? 'global' : 'local' }));
		return { minima, labels: labels.map((l) => (l < 0 ? -1 : order.indexOf(l))) };
	}
	function restarts(count = 20) {
		let seed = 7;
		const random = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
		const starts = Array.from({ length: count }, () => loss.params.map(() => -5 + 10 * random()));
		const ends = starts.map((x) => descend(x, 2000));
		const { minima, labels } = minimaOf(ends);
		send({ type: 'restarts', restarts: { starts: Float64Array.from(starts.flat()), ends: Float64Array.from(ends.flat()), runMinimum: labels, minima } });
	}
	let basinTimer = 0;
	let basinRequest = 0;
	function basins(m, id) {
		basinRequest = id;
		clearTimeout(basinTimer);
		const ends = [];
		const { xMin, xMax, yMin, yMax } = m.range;
		const row = () => {
			const r = ends.length / m.nx;
			for (let c = 0; c < m.nx; c++) ends.push(descend([xMin + ((xMax - xMin) * c) / (m.nx - 1), yMin + ((yMax - yMin) * r) / (m.ny - 1)], 400));
			const { minima, labels } = minimaOf(ends);
			const all = new Int32Array(m.nx * m.ny).fill(-2);
			all.set(labels);
			const progress = ends.length / (m.nx * m.ny);
			reply(id, { range: m.range, nx: m.nx, ny: m.ny, labels: all, minima, progress }, progress >= 1);
			if (progress < 1) basinTimer = setTimeout(row, 0);
		};
		basinTimer = setTimeout(row, 0);
	}

	/** The learning-rate explorer: plain gradient descent from the start at 25 log-spaced rates, 300 steps each. */
	function sweep(id) {
		const rates = Array.from({ length: 25 }, (_, i) => Number((10 ** (-4 + (5 * i) / 24)).toPrecision(6)));
		const points = rates.map((lr) => {
			let x = [...s.start];
			let outcome = 'slow';
			let steps = 300;
			for (let k = 1; k <= 300; k++) {
				const g = loss.g(x);
				x = x.map((v, j) => v - lr * g[j]);
				const f = loss.f(x);
				if (!Number.isFinite(f) || f > 1e6 * (1 + loss.f(s.start))) { outcome = 'diverged'; steps = k; break; }
				if (Math.hypot(...loss.g(x)) < 1e-6) { outcome = 'converged'; steps = k; break; }
			}
			return { learningRate: lr, finalLoss: outcome === 'diverged' ? Infinity : loss.f(x), steps, outcome };
		});
		const divergesFrom = points.find((p) => p.outcome === 'diverged')?.learningRate;
		const converged = points.filter((p) => p.outcome === 'converged').sort((a, b) => a.steps - b.steps);
		reply(id, { optimizer: s.optimizer, rates, points, steps: 300, progress: 1, divergesFrom, fastest: converged[0]?.learningRate });
	}

	/** Runs racing the session (compare optimizers): heavy-ball momentum when asked, else plain descent. */
	const runs = [];
	let nextRunId = 1;
	function syncRuns() {
		for (const run of runs) {
			if (s.losses.length === 1 && run.losses.length > 1) { run.points = [...s.start]; run.losses = [loss.f(s.start)]; run.v = s.start.map(() => 0); run.stop = { kind: 'step', message: '' }; run.sent = 0; }
			while (run.losses.length - 1 > s.position) { run.points.length -= d; run.losses.length--; run.stop = { kind: 'step', message: '' }; run.sent = Math.min(run.sent, run.losses.length); }
			while (run.losses.length - 1 < s.position && run.stop.kind === 'step') {
				const x = run.points.slice(-d);
				const g = loss.g(x);
				run.v = run.v.map((v, j) => (run.momentum ? run.momentum * v + g[j] : g[j]));
				const next = x.map((v, j) => v - run.lr * run.v[j]);
				run.points.push(...next);
				run.losses.push(loss.f(next));
				if (!Number.isFinite(loss.f(next)) || loss.f(next) > 1e8) run.stop = { kind: 'diverged', message: `Diverged at step ${run.losses.length - 1}.` };
				else if (Math.hypot(...loss.g(next)) < 1e-6) run.stop = { kind: 'converged', message: `Converged at step ${run.losses.length - 1}.` };
			}
		}
	}
	function sendRuns(full) {
		if (runs.length === 0 && !full) return;
		syncRuns();
		send({
			type: 'runs',
			runs: runs.map((run) => {
				const from = full ? 0 : Math.min(run.sent, run.losses.length);
				run.sent = run.losses.length;
				return { id: run.id, optimizer: run.optimizer, options: run.options, hidden: run.hidden, stop: run.stop, step: run.losses.length - 1, loss: run.losses.at(-1), from, points: Float64Array.from(run.points.slice(from * d)), losses: Float64Array.from(run.losses.slice(from)) };
			}),
		});
	}
	function addRun(m) {
		runs.push({ id: nextRunId++, optimizer: m.optimizer, options: m.options, lr: m.options.lr, momentum: m.options.momentum || 0, hidden: false, points: [...s.start], losses: [loss.f(s.start)], v: s.start.map(() => 0), stop: { kind: 'step', message: '' }, sent: 0 });
		sendRuns(false);
	}
	function changeRun(m) {
		const i = runs.findIndex((r) => r.id === m.id);
		if (i < 0) return;
		if (m.change === 'remove') runs.splice(i, 1);
		else runs[i].hidden = m.change === 'hide';
		sendRuns(true);
	}

	/** Brute force over the view: k values per axis, the best point, and what descent spent so far. */
	function bruteForce(m, id) {
		const x = pointAt(s.position);
		const best = [...x];
		let bestLoss = Infinity;
		const rows = m.axes[1] < 0 ? 1 : m.k;
		for (let r = 0; r < rows; r++) {
			if (m.axes[1] >= 0) x[m.axes[1]] = m.range.yMin + ((m.range.yMax - m.range.yMin) * r) / (m.k - 1);
			for (let c = 0; c < m.k; c++) {
				x[m.axes[0]] = m.range.xMin + ((m.range.xMax - m.range.xMin) * c) / (m.k - 1);
				const v = loss.f(x);
				if (v < bestLoss) { bestLoss = v; best.splice(0, d, ...x); }
			}
		}
		reply(id, { axes: m.axes, k: m.k, evaluations: rows * m.k, best, bestLoss, descentEvaluations: s.position + 1, descentLoss: s.losses[s.position], log10AllParameters: d * Math.log10(m.k), log10NoteExample: 1500000 });
	}

	/** Full and mini-batch gradients at the current point (batches of 4 drawn with a fixed seed). */
	function batchNoise(m, id) {
		const x = pointAt(s.position);
		let seed = 11;
		const random = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
		const batches = [];
		for (let k = 0; k < m.count; k++) batches.push(...loss.g(x, Array.from({ length: 4 }, () => Math.floor(random() * loss.sampleCount))));
		reply(id, { step: s.position, full: loss.g(x), batches: Float64Array.from(batches), batchSize: 4, sampleCount: loss.sampleCount });
	}

	/**
	 * The computation graph of L(w) = Σₙ (w·xₙ − yₙ)² / 4 drawn by hand as the host's walkGraph would send it: idle
	 * (values of the top level only), or mid-way through the backward pass at r of iteration n = 2.
	 */
	function xorLikeGraph(phase) {
		const back = phase === 'backward';
		const node = (id, kind, label, extra) => ({ id, kind, label, ...extra });
		return {
			phase,
			collapsed: false,
			current: back ? 'r' : undefined,
			frames: [back ? { id: 'loop0', label: 'for n = 2 (of 4)', iteration: 'n = 2 (of 4)', line: 3 } : { id: 'loop0', label: 'for n (4)', line: 3 }],
			nodes: [
				node('w', 'param', 'w', { line: 1, value: 0.5, ...(back ? { adjoint: 0.375 } : {}) }),
				node('x', 'data', 'data', { frame: 'loop0' }),
				node('y', 'data', 'data', { frame: 'loop0' }),
				node('wx', 'op', '×', { frame: 'loop0', ...(back ? { value: 1, adjoint: 0.5 } : {}) }),
				node('r', 'local', '−', { name: 'r', frame: 'loop0', line: 4, ...(back ? { value: 0.5, adjoint: 0.25 } : {}) }),
				node('sq', 'op', '^', { frame: 'loop0', ...(back ? { value: 0.25, adjoint: 0.25 } : {}) }),
				node('two', 'const', '2', { frame: 'loop0', value: 2 }),
				node('total', 'local', '+', { name: 'total', frame: 'loop0', line: 5, ...(back ? { value: 0.5, adjoint: 0.25 } : {}) }),
				node('four', 'const', '4', { value: 4 }),
				node('L', 'loss', '÷', { name: 'return', line: 7, value: 0.3, ...(back ? { adjoint: 1 } : {}) }),
			],
			edges: [['w', 'wx'], ['x', 'wx'], ['wx', 'r'], ['y', 'r'], ['r', 'sq'], ['two', 'sq'], ['sq', 'total'], ['total', 'L'], ['four', 'L']].map(([from, to]) => ({ from, to })),
		};
	}

	/** One envelope from the panel: notices and requests by their body, replies and cancellations as they are. */
	function onEnvelope(e) {
		if (e.kind === 'notice') return onMessage(e.body);
		if (e.kind === 'request') return onMessage(e.body, e.messageId);
		if (e.kind === 'cancel' && e.inReplyTo === basinRequest) clearTimeout(basinTimer);
		window.__fakeHost.received.push({ ...e, type: e.kind });
	}

	function onMessage(m, id) {
		window.__fakeHost.received.push(m);
		switch (m.type) {
			case 'ready': return sendInit();
			case 'command': return command(m.command);
			case 'setLearningRate': s.lr = m.learningRate; return sendUpdate(s.losses.length);
			case 'setOptimizer': s.optimizer = m.optimizer; return sendUpdate(s.losses.length);
			case 'setSpeed': s.speed = m.stepsPerSecond; return sendUpdate(s.losses.length);
			case 'setStart': s.start = m.x; reset(); return sendInit();
			case 'goTo': s.position = Math.max(0, Math.min(s.losses.length - 1, m.step)); return sendUpdate(s.losses.length);
			case 'requestLandscape': return landscape(m, id);
			case 'requestLineSearch': return lineSearch(id);
			case 'runRestarts': return restarts(m.count);
			case 'requestBasins': return basins(m, id);
			case 'requestSweep': return sweep(id);
			case 'addRun': return addRun(m);
			case 'requestBruteForce': return bruteForce(m, id);
			case 'requestBatchNoise': return batchNoise(m, id);
			case 'changeRun': return changeRun(m);
			case 'requestGraph': return reply(id, xorLikeGraph('idle'));
			case 'revealLine': return;
			case 'tryLearningRate': s.lr = m.learningRate; reset(); s.stop = { kind: 'entry', message: 'Restarted.' }; return sendInit();
		}
	}

	/** Streams `update`s at `rate` per second, `perUpdate` records each, until `total` records; resolves then. */
	function stream({ rate, perUpdate, total }) {
		s.running = true;
		return new Promise((resolve) => {
			const timer = setInterval(() => {
				const from = s.position + 1;
				const n = s.losses.length < total ? Math.min(perUpdate, total - s.losses.length) : 1;
				for (let i = 0; i < n; i++) advance();
				sendUpdate(from);
				if (s.losses.length >= total) { clearInterval(timer); resolve(s.losses.length); }
			}, 1000 / rate);
		});
	}

	/** Prepares a history of `n` steps before the panel loads (for screenshots mid-run). */
	function preload(n) {
		reset();
		for (let i = 0; i < n; i++) if (!advance()) break;
		s.stop = n > 0 ? { kind: 'paused', message: `Paused at step ${s.position}.` } : s.stop;
	}

	// send: post a host notice; ask: a host request (requestImage); update: resend the settings (after changing state.layout).
	window.__fakeHost = { received: [], landscapes: 0, stream, steps, command, restarts, state: s, violations: [], send, ask, xorLikeGraph, update: () => sendUpdate(s.losses.length), viewState: () => viewState };
	document.addEventListener('securitypolicyviolation', (e) => window.__fakeHost.violations.push(`${e.violatedDirective} ${e.blockedURI}`));
	reset();
	preload(Number(body.dataset.preload || 0));
	if (scenario === 'diverge') {
		for (let i = 0; i < 3; i++) advance();
		s.stop = { kind: 'diverged', message: `Diverged at step ${s.position}: the loss grew for 3 steps in a row (learning rate ${s.lr}).`, suggestedLearningRate: 0.5 };
	}
	window.acquireVsCodeApi = () => ({
		postMessage: (m) => setTimeout(() => onEnvelope(structuredClone(m)), 0),
		getState: () => viewState,
		setState: (state) => { viewState = state; },
	});
})();
