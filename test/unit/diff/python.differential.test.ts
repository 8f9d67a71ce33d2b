// Differential testing of the python front end against the real interpreter (see test/diff/differentialSuite.ts).
import { differentialSuite } from '../../diff/differentialSuite';
import { pythonSubject } from '../../diff/subjects';

differentialSuite(pythonSubject);
