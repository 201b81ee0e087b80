// Kept out of the page so its Content-Security-Policy needs no 'unsafe-inline' for scripts.
window.addEventListener("load", function () {
    window.ui = SwaggerUIBundle({
        url: "openapi.yaml",
        dom_id: "#swagger-ui",
        deepLinking: true,
        presets: [SwaggerUIBundle.presets.apis, SwaggerUIStandalonePreset],
        layout: "StandaloneLayout",
        // No third-party validator: the page talks to this server only.
        validatorUrl: null
    });
});
