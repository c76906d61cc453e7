// The minimum-group-size guard lives in analytics/group-guard.ts (the monthly report uses it
// without HTTP); the API's routes import it from here as before.
export { getGroupGuard, GroupGuard, isSmallSelection, otherGroup, unknownGroup, type Dimension } from '../analytics/group-guard';
