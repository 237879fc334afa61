import { defectSuite } from './suite.ts';

defectSuite(2, 3);
