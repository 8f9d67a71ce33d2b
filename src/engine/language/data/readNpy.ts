/**
 * `np.load` of a `.npy` file: the magic string, the version, the header (a Python dict literal with `descr`,
 * `fortran_order` and `shape`) and the raw little- or big-endian numbers, as numpy's format documentation defines
 * them (numpy.org/doc/stable/reference/generated/numpy.lib.format.html). Numeric and boolean dtypes are read as
 * float64; a Fortran-ordered array is transposed to row-major. Object arrays (pickles) are refused: nothing in a data
 * file is ever run.
 */
import { msg } from '../../message';
import { failed, ok, type DataResult, type NumericArray } from './dataTable';

type Reader = (view: DataView, offset: number, little: boolean) => number;

/** Element readers by dtype kind and size (`f8`, `i4`, `u1`, `b1`, ...). */
const readers = new Map<string, { size: number; read: Reader }>([
	['f8', { size: 8, read: (v, o, le) => v.getFloat64(o, le) }],
	['f4', { size: 4, read: (v, o, le) => v.getFloat32(o, le) }],
	['i8', { size: 8, read: (v, o, le) => Number(v.getBigInt64(o, le)) }],
	['i4', { size: 4, read: (v, o, le) => v.getInt32(o, le) }],
	['i2', { size: 2, read: (v, o, le) => v.getInt16(o, le) }],
	['i1', { size: 1, read: (v, o) => v.getInt8(o) }],
	['u8', { size: 8, read: (v, o, le) => Number(v.getBigUint64(o, le)) }],
	['u4', { size: 4, read: (v, o, le) => v.getUint32(o, le) }],
	['u2', { size: 2, read: (v, o, le) => v.getUint16(o, le) }],
	['u1', { size: 1, read: (v, o) => v.getUint8(o) }],
	['b1', { size: 1, read: (v, o) => (v.getUint8(o) === 0 ? 0 : 1) }],
]);

interface NpyHeader {
	readonly descr: string;
	readonly fortranOrder: boolean;
	readonly shape: number[];
}

/** The header dict's three fields, read without evaluating anything. */
function parseHeader(text: string): NpyHeader | undefined {
	const descr = /'descr'\s*:\s*'([^']*)'/.exec(text)?.[1];
	const order = /'fortran_order'\s*:\s*(True|False)/.exec(text)?.[1];
	const shapeText = /'shape'\s*:\s*\(([^)]*)\)/.exec(text)?.[1];
	if (descr === undefined || order === undefined || shapeText === undefined) return undefined;
	const parts = shapeText.split(',').map((p) => p.trim()).filter((p) => p !== '');
	if (!parts.every((p) => /^\d+L?$/.test(p))) return undefined;
	return { descr, fortranOrder: order === 'True', shape: parts.map((p) => Number.parseInt(p, 10)) };
}

/** Where the header starts and how long it is, from the magic string and version bytes. */
function headerBounds(bytes: Uint8Array, view: DataView): { start: number; length: number } | undefined {
	const magic = [0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59];
	if (bytes.length < 10 || magic.some((b, i) => bytes[i] !== b)) return undefined;
	const major = bytes[6]!;
	if (major === 1) return { start: 10, length: view.getUint16(8, true) };
	if ((major === 2 || major === 3) && bytes.length >= 12) return { start: 12, length: view.getUint32(8, true) };
	return undefined;
}

/** Reads a `.npy` file's bytes as numbers with a shape. */
export function readNpy(bytes: Uint8Array): DataResult<NumericArray> {
	const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
	const bounds = headerBounds(bytes, view);
	if (!bounds) return failed(msg`the file is not a .npy array (no NUMPY header)`);
	// The keys and values the reader needs are ASCII in every version of the format.
	const headerText = String.fromCharCode(...bytes.subarray(bounds.start, Math.min(bytes.length, bounds.start + bounds.length, bounds.start + 65_536)));
	const header = parseHeader(headerText);
	if (!header) return failed(msg`the .npy header could not be read`);
	const endian = header.descr[0];
	const reader = readers.get(header.descr.slice(1));
	if (!reader || !'<>|='.includes(endian ?? '')) {
		return failed(msg`the .npy array has dtype '${header.descr}'; only numbers and booleans can be read`);
	}
	const count = header.shape.reduce((p, n) => p * n, 1);
	const offset = bounds.start + bounds.length;
	if (bytes.length < offset + count * reader.size) return failed(msg`the .npy file is shorter than its header says`);
	const values = new Float64Array(count);
	const little = endian !== '>';
	for (let i = 0; i < count; i++) values[i] = reader.read(view, offset + i * reader.size, little);
	const data = header.fortranOrder ? toRowMajor(values, header.shape) : values;
	return ok({ values: data, shape: header.shape });
}

/** Reorders column-major (Fortran) values of `shape` into row-major order. */
function toRowMajor(values: Float64Array, shape: readonly number[]): Float64Array {
	const out = new Float64Array(values.length);
	const index = shape.map(() => 0);
	for (let i = 0; i < values.length; i++) {
		let source = 0;
		for (let axis = shape.length - 1; axis >= 0; axis--) source = source * shape[axis]! + index[axis]!;
		out[i] = values[source]!;
		for (let axis = shape.length - 1; axis >= 0; axis--) {
			if (++index[axis]! < shape[axis]!) break;
			index[axis] = 0;
		}
	}
	return out;
}
