// This project only gathers DacFx's MSBuild task and its dependencies into bin/tasks/.
namespace CpOrders.Build.DacFxTasks
{
    internal static class Placeholder
    {
    }
}
