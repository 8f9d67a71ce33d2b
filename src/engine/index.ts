/**
 * The engine's public API, bundled as `dist/engine.js` (CommonJS, no `vscode`, no Node APIs). Everything the CLI,
 * the extension and the debug adapter need from the engine is exported here.
 */
export { compileLoss, findDataReferences, findLosses, lossFromGraph, type CompileOptions, type Loss, type LossShape } from './compileLoss';
export { formatNumber } from './expression/formatNumber';
export { LossSyntaxError, isLossSyntaxError, type SourceSpan } from './errors';
export { formatMessage, isMessage, messageTemplates, msg, verbatim, type Message, type MessageArgument, type TemplateTranslator } from './message';
export { checkGradient, defaultGradientTolerance, relativeError, type GradientCheck } from './graph/gradientCheck';
export { languageIds, type FoundLoss, type LanguageId, type LossSite } from './language/frontEnd';
export { languageForPath } from './language/languageForPath';
export { paramShape, type ParamSpec } from './graph/node';
export { resolveSessionSettings } from './session/sessionSettings';
export { curvatureAt, type Curvature } from './curvature/curvature';
export { chooseLoss, type SourcePosition } from './language/chooseLoss';
export { cellAt, type CellContext, type CellLayout, type CellText } from './language/notebook/cellLayout';
export { OptimizationSession } from './session/optimizationSession';
export type { SessionImage } from './session/sessionImage';
export type { StopResult } from './session/stopReason';
export type { DataFile, DataFiles, DataReference } from './language/data/dataFiles';
export { dataFileProblems, dataFileSizeLimit, isInside, normalizePath, resolveDataPath, type DataPathResult } from './language/data/dataPath';
export type { SessionSettings } from './session/sessionSettings';
export { BasinMapRun, type BasinMap } from './landscape/basinMap';
export { LearningRateSweepRun, logSpaced } from './landscape/learningRateSweep';
export { budgetedGrid, type GridPlan } from './landscape/gridBudget';
export { sampleLandscape, samplePlane } from './landscape/sampleLandscape';
export { bruteForceCombinations, gridSearch } from './landscape/bruteForce';
export { lineSlice } from './landscape/lineSlice';
export { batchNoise } from './session/batchNoise';
export { walkGraph } from './session/walk/walkGraph';
export { WalkScope } from './session/walk/walkScope';
export { defaultRestartBox, RandomRestarts, type FoundMinimum, type RestartsResult } from './session/randomRestarts';
