/**
 * Problem specifications as users write them (flags or a YAML file) and their resolution into core objects: the
 * network, dataset, loss, objective and starting parameters θ. Knows files and YAML/JSON, so it lives in the app,
 * not in the core.
 */
package org.flowscape.spec;
