// Differential testing of the markdown front end against CPython (see test/diff/differentialSuite.ts).
import { differentialSuite } from '../../diff/differentialSuite';
import { markdownSubject } from '../../diff/subjects';

differentialSuite(markdownSubject);
