export * from './lib/api-bootstrap';
