// The identity shared by the four webapps (login page, accessibility, French dates in Paris time).
import '../../../../webapps/atlas-webapps.js';

// No default export: the webapp would take it for a plugin.
