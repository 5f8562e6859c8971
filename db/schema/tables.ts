export * from './auth';
export * from './audit';
export * from './dealers';
export * from './chat';
export * from './applications';
export * from './backoffice';
export * from './packages';
export * from './files';
