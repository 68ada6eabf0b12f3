import { stopTestPostgres } from './test-postgres';

export default stopTestPostgres;
