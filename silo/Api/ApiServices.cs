using System.Text.Json.Serialization;

namespace OnlineRecs.Silo.Api;

public static class ApiServices
{
    /// <summary>Problem details (RFC 7807) for every error, camelCase JSON without nulls, and an OpenAPI document.</summary>
    public static IServiceCollection AddOnlineRecsApi(this IServiceCollection services)
    {
        services.AddProblemDetails();
        services.AddExceptionHandler<ApiExceptionHandler>();
        services.AddOpenApi();
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull);
        services.AddHostedService<HttpApiWarmUp>();
        return services;
    }

    public static WebApplication MapOnlineRecsApi(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.MapOpenApi();
        EventEndpoints.Map(app);
        MetadataEndpoints.Map(app);
        QueryEndpoints.Map(app);
        AdminEndpoints.Map(app);
        DashboardEndpoints.Map(app);
        return app;
    }
}
