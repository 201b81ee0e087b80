/**
 * Space templates: Nomad job HCL and volume YAML written with the original knot's {@code ${{ … }}} syntax (a subset
 * of Go's text/template). {@link dev.knot.domain.render.TemplateRenderer} checks a template when it is saved and
 * renders it when a space starts, escaping every inserted value for the place in the HCL or YAML it lands in, so
 * no value can change the job's structure.
 */
package dev.knot.domain.render;
