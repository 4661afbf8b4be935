/** The provider registry as kept on the compacted providers topic: providers, their districts and their hashed keys. */
package de.weserems.integration.events.providers;
