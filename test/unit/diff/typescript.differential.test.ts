// Differential testing of the typescript front end against the real interpreter (see test/diff/differentialSuite.ts).
import { differentialSuite } from '../../diff/differentialSuite';
import { typeScriptSubject } from '../../diff/subjects';

differentialSuite(typeScriptSubject);
