export { isValidEdrpou } from './edrpou';
