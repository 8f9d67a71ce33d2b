/**
 * The typed messages between the extension host and the Downhill panel (webview), each carried in the envelope of
 * `envelope.ts`: types only. After the `ready` notice, the host answers with `init`, a full snapshot; then it sends
 * `update`s (batched to the display rate during continue). The panel's requests (`requestLandscape`, ...) are
 * answered by replies: `PanelContract['replies']` maps each request type to its reply body (basin maps and sweeps
 * send several, the last one final). The host asks the panel for one thing, an image of its plot. Number arrays that
 * can be long travel as `Float64Array`s.
 *
 * After microsoft/vscode-hexeditor's `src/shared/protocol.ts`: one union per direction, a ready handshake, and
 * JSDoc contracts on each message.
 */
import type {
	AddRunMessage,
	BasinsInfo,
	BatchNoiseInfo,
	BruteForceInfo,
	ChangeRunMessage,
	RequestBasinsMessage,
	RequestBatchNoiseMessage,
	RequestBruteForceMessage,
	RequestSweepMessage,
	RestartsMessage,
	RunRestartsMessage,
	RunsMessage,
	SweepInfo,
	TryLearningRateMessage,
	UpdateRuleInfo,
} from './exploreMessages';
import type { GraphModel } from './graphModel';
import type { LineSearchInfo, RequestLineSearchMessage, SlicePlaneInfo, SlicePlaneRequest } from './ndMessages';

export type * from './exploreMessages';
export type * from './ndMessages';
export type * from './graphModel';

/** Why the session last stopped, ready to show. */
export interface StopInfo {
	readonly kind: 'entry' | 'step' | 'steps' | 'converged' | 'diverged' | 'breakpoint' | 'paused' | 'historyStart';
	readonly message: string;
	/** For a divergence: a learning rate that did not diverge in a back-off search. */
	readonly suggestedLearningRate?: number;
}

/**
 * What the host's trajectory diagnosis (src/engine/session/diagnoseRun.ts) says about the recent run, with the one
 * setting to try; the panel words it in one sentence from the numbers. Absent when there is nothing to say.
 */
export interface RunHintInfo {
	readonly kind: 'diverging' | 'oscillating' | 'crawling' | 'plateau';
	/** Posted as `setLearningRate` or `setOptimizer` when the user takes the suggestion. */
	readonly suggestion: { readonly setting: 'learningRate'; readonly value: number } | { readonly setting: 'optimizer'; readonly value: string };
	/** Updates looked at. */
	readonly window: number;
	/** Diverging: steps that raised the loss; oscillating: steps that reversed direction; else 0. */
	readonly count: number;
	/** Crawling: the loss's fall per step; plateau: its change over the window; both relative to the loss. */
	readonly relativeChange: number;
	readonly gradientNorm: number;
	/** The learning rate the suggestion starts from. */
	readonly learningRate: number;
	/** From the Hessian (plain gradient descent): η·λ_max (oscillating) or η·λ_min (crawling), and 2/λ_max. */
	readonly curvature?: { readonly product: number; readonly threshold: number };
}

/** The current point and what the next update will do. */
export interface PointState {
	readonly step: number;
	readonly historyLength: number;
	readonly x: readonly number[];
	readonly loss: number;
	readonly gradient: readonly number[];
	readonly gradientNorm: number;
	readonly learningRate: number;
	/** Where the next update will move the point (drawn before it is taken). */
	readonly next: readonly number[];
	/** The (full-batch) loss at `next`, for the surface view's next step; absent from older hosts. */
	readonly nextLoss?: number;
	/** Optimizer state under PyTorch's names (`exp_avg`, `momentum_buffer`, ...), and its step count. */
	readonly optimizerState: { readonly step: number; readonly buffers: Readonly<Record<string, readonly number[]>> };
	/** The next update written out with numbers (the panel's update-rule card); absent from older hosts. */
	readonly update?: UpdateRuleInfo;
	/**
	 * The loss evaluations of the step that reached this point besides its start (L-BFGS's inner iterations and
	 * line-search probes), `[x₀ … x_{d−1}, loss]` each; absent for optimizers that only read the gradient.
	 */
	readonly probes?: readonly number[];
	/** λ_max, λ_min, condition number and 2/λ_max of the Hessian here; absent for costly losses (see `curvatureAt`). */
	readonly curvature?: CurvatureInfo;
}

/** The curvature readout: the Hessian's extreme eigenvalues at a point and what follows from them. */
export interface CurvatureInfo {
	readonly lambdaMax: number;
	readonly lambdaMin: number;
	readonly conditionNumber: number;
	/** 2/λ_max: gradient descent with a larger learning rate is unstable here (Infinity where λ_max ≤ 0). */
	readonly stabilityThreshold: number;
}

/** A parameter as declared: `W` of shape `[2, 3]` holds flat parameters `offset .. offset + 5`. */
export interface TensorInfo {
	readonly name: string;
	readonly offset: number;
	readonly shape: readonly number[];
}

export interface LossInfo {
	readonly name: string;
	readonly language: string;
	/** Flat parameter names (`x`, `w[0]`, `W[0][1]`, ...). */
	readonly params: readonly string[];
	/** The parameters as declared, in order: each one's first flat index and shape (`[]` scalar, `[2, 3]` matrix). */
	readonly tensors?: readonly TensorInfo[];
	readonly start: readonly number[];
	/** Source file name for the title. */
	readonly fileName: string;
	/** Samples a mini-batch can draw from; 0 when the loss is not over data. */
	readonly sampleCount: number;
}

/** Hyper-parameters under PyTorch's names. */
export type OptimizerOptionsInfo = Readonly<Record<string, number | boolean | string | readonly number[]>>;

export interface SettingsInfo {
	readonly optimizer: string;
	readonly options: OptimizerOptionsInfo;
	readonly schedule: string;
	readonly batchSize: number;
	/** Continue speed in updates drawn per second (0 = as fast as possible). */
	readonly stepsPerSecond: number;
	readonly colorMap: 'viridis' | 'cividis' | 'grayscale';
	/** How the panel arranges the plot and the charts (`downhill.panelLayout`); absent from older hosts = 'auto'. */
	readonly layout?: PanelLayout;
}

/** 'auto': side by side when the panel is wide, stacked when it is narrow. */
export type PanelLayout = 'auto' | 'stacked' | 'sideBySide';

/** The whole trajectory so far: `points` holds `params.length` numbers per record. */
export interface Trajectory {
	readonly points: Float64Array;
	readonly losses: Float64Array;
	readonly gradientNorms: Float64Array;
	/** The learning rate of the update from each record (the schedule's); absent for compared runs. */
	readonly learningRates?: Float64Array;
}

/** Everything the panel shows, sent after `ready` and after a restart or a change of loss. */
export interface PanelSnapshot {
	readonly loss: LossInfo;
	readonly settings: SettingsInfo;
	readonly current: PointState;
	readonly trajectory: Trajectory;
	readonly stop: StopInfo;
	/** The optimizers offered, with PyTorch's defaults. */
	readonly optimizers: readonly { readonly name: string; readonly defaults: OptimizerOptionsInfo }[];
	/** Whether a continue is running (the panel shows Pause instead of Continue). */
	readonly running: boolean;
	/** UI strings in the display language, by key. */
	readonly strings: Readonly<Record<string, string>>;
	/** The run hint for the current point, if any. */
	readonly hint?: RunHintInfo;
}

/** A view rectangle in parameter space (for 1-D, only x). */
export interface ViewRange {
	readonly xMin: number;
	readonly xMax: number;
	readonly yMin: number;
	readonly yMax: number;
}

/** Loss values on a grid over a view: a curve (1-D) or an `nx × ny` row-major grid (2-D slice through `axes`). */
export interface Landscape {
	readonly kind: 'curve' | 'grid';
	readonly range: ViewRange;
	/** Indices of the parameters on the x and y axes (y is -1 for a curve). */
	readonly axes: readonly [number, number];
	readonly nx: number;
	readonly ny: number;
	readonly values: Float64Array;
	/** Set for a slice through a plane (then `axes` is meaningless): x is `a`, y is `b` in `origin + a·u + b·v`. */
	readonly plane?: SlicePlaneInfo;
	/**
	 * Set when the loss is too slow to draw within the landscape's time budget: then `nx` and `ny` are 0, `values` is
	 * empty, and the panel shows the cost instead of a map.
	 */
	readonly tooSlow?: { readonly msPerEvaluation: number };
}

// ---- host → webview ----

/** The full state; the webview throws away what it had. */
export interface InitMessage {
	readonly type: 'init';
	readonly snapshot: PanelSnapshot;
}

/** New records since the last update (appended to the trajectory), the current point, and the stop if any. */
export interface UpdateMessage {
	readonly type: 'update';
	/** Index of the first appended record; records from here on replace what the webview had (after a step back). */
	readonly from: number;
	readonly appended: Trajectory;
	readonly current: PointState;
	readonly stop: StopInfo;
	readonly running: boolean;
	readonly settings: SettingsInfo;
	/** The run hint for the current point; absent when there is none. */
	readonly hint?: RunHintInfo;
}

/** Something went wrong that the user should see in the panel (a bad learning rate, the loss no longer parses). */
export interface ErrorMessage {
	readonly type: 'error';
	readonly message: string;
}

/**
 * Where the debugger's step-into (F11) stands in an update, as the Graph view draws it: sent at each stop of the walk
 * through the forward and backward pass, and once without `graph` when the walk ends (the view then shows the
 * session's point again, asking with `requestGraph`).
 */
export interface GraphMessage {
	readonly type: 'graph';
	readonly graph?: GraphModel;
}

/** The host wants the plot as the panel shows it (PNG export); the panel answers with a `PanelImage`. */
export interface RequestImageMessage {
	readonly type: 'requestImage';
}

/** The host's one-way messages. */
export type HostNotice = InitMessage | UpdateMessage | ErrorMessage | RestartsMessage | RunsMessage | GraphMessage;

/** What the host sends the panel: its notices, its one request, and (by `HostContract`) what answers it. */
export interface HostContract {
	readonly notices: HostNotice;
	readonly requests: RequestImageMessage;
	readonly replies: { readonly requestImage: PanelImage };
}

export type ToWebviewMessage = HostNotice | RequestImageMessage;


// ---- webview → host ----

/** The webview has loaded and listens; the host answers with `init`. */
export interface ReadyMessage {
	readonly type: 'ready';
}

export type SessionCommand = 'step' | 'stepMany' | 'continue' | 'pause' | 'stepBack' | 'restart';

export interface CommandMessage {
	readonly type: 'command';
	readonly command: SessionCommand;
}

export interface SetLearningRateMessage {
	readonly type: 'setLearningRate';
	readonly learningRate: number;
}

export interface SetOptimizerMessage {
	readonly type: 'setOptimizer';
	readonly optimizer: string;
	readonly options: OptimizerOptionsInfo;
}

/** Restart from this point (a click on the map or the curve). */
export interface SetStartMessage {
	readonly type: 'setStart';
	readonly x: readonly number[];
}

export interface SetSpeedMessage {
	readonly type: 'setSpeed';
	readonly stepsPerSecond: number;
}

/** Move to record `step` of the history (the scrubber). */
export interface GoToMessage {
	readonly type: 'goTo';
	readonly step: number;
}

/** Loss values over a view; `axes` picks the parameters for n-D losses. Answered by a `Landscape`. */
export interface RequestLandscapeMessage {
	readonly type: 'requestLandscape';
	readonly range: ViewRange;
	readonly axes: readonly [number, number];
	readonly nx: number;
	readonly ny: number;
	/** A slice through a plane instead of `axes` (n-D losses). */
	readonly plane?: SlicePlaneRequest;
}

/**
 * The loss's computation graph for the Graph view: the step-into walk's when the debugger stands inside an update,
 * else the structure with the values at the session's current point (phase `idle`). Answered by a `GraphModel`.
 */
export interface RequestGraphMessage {
	readonly type: 'requestGraph';
}

/** Show line `line` (1-based, of the loss's own source) in the editor: a click on a Graph view node. */
export interface RevealLineMessage {
	readonly type: 'revealLine';
	readonly line: number;
}

/** The answer to `requestImage`: the plot (with its overlays) as a `data:image/png;base64,` URL. */
export interface PanelImage {
	readonly dataUrl: string;
}

/** The panel's one-way messages. */
export type PanelNotice =
	| ReadyMessage
	| CommandMessage
	| SetLearningRateMessage
	| SetOptimizerMessage
	| SetStartMessage
	| SetSpeedMessage
	| GoToMessage
	| RunRestartsMessage
	| AddRunMessage
	| ChangeRunMessage
	| TryLearningRateMessage
	| RevealLineMessage;

/** The panel's requests; each is answered as `PanelContract['replies']` says. */
export type PanelRequest =
	| RequestLandscapeMessage
	| RequestBasinsMessage
	| RequestSweepMessage
	| RequestBruteForceMessage
	| RequestBatchNoiseMessage
	| RequestLineSearchMessage
	| RequestGraphMessage;

/** What the panel sends the host, and what answers each request. */
export interface PanelContract {
	readonly notices: PanelNotice;
	readonly requests: PanelRequest;
	readonly replies: {
		readonly requestLandscape: Landscape;
		/** The map so far after each slice; the final reply has `progress` 1. */
		readonly requestBasins: BasinsInfo;
		/** The sweep so far after each slice; the final reply has `progress` 1. */
		readonly requestSweep: SweepInfo;
		readonly requestBruteForce: BruteForceInfo;
		readonly requestBatchNoise: BatchNoiseInfo;
		readonly requestLineSearch: LineSearchInfo;
		readonly requestGraph: GraphModel;
	};
}

export type FromWebviewMessage = PanelNotice | PanelRequest;

/** UI state the webview persists with `setState` (never data: data comes from the host after `ready`). */
export interface PanelViewState {
	readonly range?: ViewRange;
	readonly logScale?: boolean;
	readonly axes?: readonly [number, number];
	/** The n-D slice is through the plane of the path's principal directions (not `axes`). */
	readonly principalSlice?: boolean;
	/** The line-search view is open. */
	readonly lineSearch?: boolean;
	/** The 2-D view shows the contour map or the 3-D surface. */
	readonly plotMode?: PlotMode;
	/** The surface view's camera angles in degrees. */
	readonly surfaceCamera?: { readonly azimuth: number; readonly elevation: number };
	/** The Graph view is open. */
	readonly graph?: boolean;
}

/** How the 2-D view shows the landscape: the contour map, or the 3-D surface (issue #7). */
export type PlotMode = 'map' | 'surface';
