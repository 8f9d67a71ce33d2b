// Differential testing of the math front end against the real interpreter (see test/diff/differentialSuite.ts).
import { differentialSuite } from '../../diff/differentialSuite';
import { mathSubject } from '../../diff/subjects';

differentialSuite(mathSubject);
