// Differential testing of the javascript front end against the real interpreter (see test/diff/differentialSuite.ts).
import { differentialSuite } from '../../diff/differentialSuite';
import { javaScriptSubject } from '../../diff/subjects';

differentialSuite(javaScriptSubject);
