export { setupTestDatabaseServer as default } from './src/testing.ts'
