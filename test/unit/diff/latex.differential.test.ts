// Differential testing of the latex front end against CPython (see test/diff/differentialSuite.ts).
import { differentialSuite } from '../../diff/differentialSuite';
import { latexSubject } from '../../diff/subjects';

differentialSuite(latexSubject);
