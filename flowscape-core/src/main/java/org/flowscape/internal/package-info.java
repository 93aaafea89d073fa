/**
 * Cross-cutting helpers that are not part of the public API (argument checks). Depends on nothing.
 */
package org.flowscape.internal;
