/**
 * The error for a call with the wrong number of arguments, shared by the front ends. One template per count shape,
 * so a translation never has to inflect "argument(s)".
 */
import { msg, type Message } from '../message';

/** "`callee` takes 1 argument, not 3", "... 2 to 3 arguments ...", "... at least 2 arguments ...". */
export function argumentCountError(callee: string, min: number, max: number, given: number): Message {
	if (max === Infinity) return msg`${callee} takes at least ${min} arguments, not ${given}`;
	if (min !== max) return msg`${callee} takes ${min} to ${max} arguments, not ${given}`;
	return min === 1 ? msg`${callee} takes 1 argument, not ${given}` : msg`${callee} takes ${min} arguments, not ${given}`;
}
