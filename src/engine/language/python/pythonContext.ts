/**
 * The state of one Python lowering: the language-neutral `LoweringContext` (builder, work budget, recursion check,
 * loops, trace) plus the file's top level, whose names are evaluated lazily and in statement order.
 */
import type { DataFiles } from '../data/dataFiles';
import { LoweringContext, type WorkPool } from '../lowering/context';
import type { ModuleInfo } from './moduleReader';
import { ModuleScope } from './moduleScope';

/** A `LoweringContext` that also knows the file's top level. */
export class PythonContext extends LoweringContext {
	/** The top-level names of the file being lowered. */
	readonly module: ModuleScope;

	constructor(info: ModuleInfo, pool?: WorkPool, files?: DataFiles) {
		super(pool, files);
		this.module = new ModuleScope(this, info);
	}
}
